package io.github.awsbidi.core.internal;

import static io.github.awsbidi.core.internal.ScriptedTransport.echo;
import static io.github.awsbidi.core.internal.ScriptedTransport.quietEndAfter;
import static io.github.awsbidi.core.internal.ScriptedTransport.refuse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.listener.ExchangeContext;
import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.core.listener.Outcome;
import io.github.awsbidi.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;
import reactor.util.context.Context;

/** The attempt, retry and end-of-stream rules of one exchange, over a scripted transport. */
class ExchangeRunTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final RetryPolicy FAST =
            RetryPolicy.defaults().withBackoff(Duration.ofMillis(1), Duration.ofMillis(2));

    private final ScriptedTransport transport = new ScriptedTransport();
    private final Events events = new Events();

    @Test
    void aRetryNeverGoesAheadWithoutFramesAFailedAttemptTook() {
        transport.then(refuse(3, ErrorKind.UNAVAILABLE)).then(echo());

        StepVerifier.create(run(Flux.just(text("a"), text("b"), text("c")), false, FAST))
                .expectErrorSatisfies(error -> {
                    BidiStreamException bidi = (BidiStreamException) error;
                    assertThat(bidi.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                    assertThat(bidi.retryable()).isTrue();
                    assertThat(bidi.detail())
                            .contains("not retried: 3 frame(s) went to the failed attempt")
                            .contains("withReplayUnconfirmed");
                    assertThat(bidi.sessionName()).contains("unit");
                })
                .verify(TIMEOUT);
        assertThat(transport.calls).hasSize(1);
        assertThat(events.retries).isEmpty();
        assertThat(events.outcomes).containsExactly(Outcome.ERROR);
    }

    @Test
    void opensRefusedWithAnErrorStatusReSendTheFramesTheyTookWithoutOptIn() {
        transport
                .then(refuse(2, ErrorKind.THROTTLING, 429))
                .then(refuse(3, ErrorKind.UNAVAILABLE, 503))
                .then(echo());

        StepVerifier.create(run(Flux.just(text("a"), text("b"), text("c")), false, FAST)
                        .map(Frame::asString))
                .expectNext("echo:a", "echo:b", "echo:c")
                .verifyComplete();
        assertThat(transport.calls.get(0).taken).containsExactly("a", "b");
        assertThat(transport.calls.get(1).taken).containsExactly("a", "b", "c");
        assertThat(transport.calls.get(2).taken).containsExactly("a", "b", "c");
        assertThat(events.retries).containsExactly("1 THROTTLING", "2 UNAVAILABLE");
    }

    @Test
    void aRefusedOpenWhoseFramesOutgrowMaxReplayBytesFailsSayingSo() {
        transport.then(refuse(3, ErrorKind.THROTTLING, 429)).then(echo());

        StepVerifier.create(run(Flux.just(text("aa"), text("bb"), text("cc")), false, FAST.withMaxReplayBytes(5)))
                .expectErrorSatisfies(error -> {
                    BidiStreamException bidi = (BidiStreamException) error;
                    assertThat(bidi.kind()).isEqualTo(ErrorKind.THROTTLING);
                    assertThat(bidi.detail())
                            .contains("not retried: 3 frame(s) went to the failed attempts")
                            .contains("maxReplayBytes (5 bytes");
                })
                .verify(TIMEOUT);
        assertThat(transport.calls).hasSize(1);
    }

    @Test
    void attemptsThatTookNoFrameAreRetriedAndTheLastOneGetsEveryFrame() {
        transport
                .then(refuse(0, ErrorKind.THROTTLING))
                .then(refuse(0, ErrorKind.UNAVAILABLE))
                .then(echo());

        StepVerifier.create(run(Flux.just(text("a"), text("b"), text("c")), false, FAST)
                        .map(Frame::asString))
                .expectNext("echo:a", "echo:b", "echo:c")
                .verifyComplete();
        assertThat(transport.calls).hasSize(3);
        assertThat(transport.calls.get(2).taken).containsExactly("a", "b", "c");
        assertThat(events.retries).containsExactly("1 THROTTLING", "2 UNAVAILABLE");
        assertThat(events.outcomes).containsExactly(Outcome.COMPLETED);
    }

    @Test
    void withReplayTwoFailedAttemptsInARowStillDeliverEveryFrameOnceInOrder() {
        transport
                .then(refuse(2, ErrorKind.MODEL_ERROR))
                .then(refuse(3, ErrorKind.UNAVAILABLE))
                .then(echo());

        StepVerifier.create(run(Flux.just(text("a"), text("b"), text("c")), true, FAST)
                        .map(Frame::asString))
                .expectNext("echo:a", "echo:b", "echo:c")
                .verifyComplete();
        assertThat(transport.calls.get(0).taken).containsExactly("a", "b");
        assertThat(transport.calls.get(1).taken).containsExactly("a", "b", "c");
        assertThat(transport.calls.get(2).taken).containsExactly("a", "b", "c");
    }

    @Test
    void retriesStopAtMaxAttempts() {
        transport
                .then(refuse(0, ErrorKind.UNAVAILABLE))
                .then(refuse(0, ErrorKind.UNAVAILABLE))
                .then(echo());

        StepVerifier.create(run(Flux.just(text("a")), false, FAST.withMaxAttempts(2)))
                .expectErrorSatisfies(error -> assertThat(ErrorKind.of(error)).isEqualTo(ErrorKind.UNAVAILABLE))
                .verify(TIMEOUT);
        assertThat(transport.calls).hasSize(2);
        assertThat(events.retries).containsExactly("1 UNAVAILABLE");
    }

    @Test
    void retriesStopWhenTheNextDelayWouldExceedTheTimeBudget() {
        // Delays are 50-100 ms, then 100-200 ms (jittered): a 140 ms budget holds the first delay, never the first
        // two (at least 150 ms), whatever the jitter. In virtual time: the delays take no real time and a busy machine
        // cannot stretch them.
        RetryPolicy budget = RetryPolicy.defaults()
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                .withMaxElapsed(Duration.ofMillis(140))
                .withMaxAttempts(10);
        for (int i = 0; i < 5; i++) {
            transport.then(refuse(0, ErrorKind.UNAVAILABLE));
        }

        StepVerifier.withVirtualTime(() -> run(Flux.just(text("a")), false, budget))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(10))
                .expectErrorSatisfies(error -> assertThat(ErrorKind.of(error)).isEqualTo(ErrorKind.UNAVAILABLE))
                .verify(TIMEOUT);
        assertThat(transport.calls).hasSize(2);
        assertThat(events.retries).hasSize(1);
    }

    @Test
    void aZeroBudgetStillAllowsZeroDelays() {
        RetryPolicy instant =
                RetryPolicy.defaults().withBackoff(Duration.ZERO, Duration.ZERO).withMaxElapsed(Duration.ZERO);
        transport.then(refuse(0, ErrorKind.UNAVAILABLE)).then(echo());

        StepVerifier.create(run(Flux.just(text("a")), false, instant).map(Frame::asString))
                .expectNext("echo:a")
                .verifyComplete();
    }

    @Test
    void kindsThePolicyDoesNotRetryFailAtOnce() {
        transport.then(refuse(0, ErrorKind.VALIDATION)).then(echo());

        StepVerifier.create(run(Flux.just(text("a")), false, FAST))
                .expectErrorSatisfies(error -> assertThat(ErrorKind.of(error)).isEqualTo(ErrorKind.VALIDATION))
                .verify(TIMEOUT);
        assertThat(transport.calls).hasSize(1);
    }

    @Test
    void aResponseThatEndsWhileTheCallerIsStillSendingIsAConnectionError() {
        transport.then(quietEndAfter(1));
        TestPublisher<Frame> caller = TestPublisher.createCold();
        caller.next(text("a"), text("b"));

        StepVerifier.create(run(caller, false, FAST).map(Frame::asString))
                .expectNext("echo:a")
                .expectErrorSatisfies(error -> {
                    BidiStreamException bidi = (BidiStreamException) error;
                    assertThat(bidi.kind()).isEqualTo(ErrorKind.CONNECTION);
                    assertThat(bidi.retryable()).isTrue();
                    assertThat(bidi.detail()).contains("still being sent");
                })
                .verify(TIMEOUT);
        assertThat(transport.calls).hasSize(1);
        assertThat(events.outcomes).containsExactly(Outcome.ERROR);
    }

    @Test
    void aResponseThatEndsBeforeFramesTheCallerAlreadyGaveWereSentIsAConnectionError() {
        transport.then(quietEndAfter(1));

        // The caller completed, but "b" had not reached the transport when the response ended.
        StepVerifier.create(run(Flux.just(text("a"), text("b")), false, FAST).map(Frame::asString))
                .expectNext("echo:a")
                .expectErrorSatisfies(error -> assertThat(ErrorKind.of(error)).isEqualTo(ErrorKind.CONNECTION))
                .verify(TIMEOUT);
    }

    @Test
    void aResponseMayEndBeforeTheRequestsOnceAFrameAskedTheServiceToEnd() {
        transport.endsOn("bye").then(quietEndAfter(2));
        TestPublisher<Frame> caller = TestPublisher.createCold();
        caller.next(text("a"), text("bye"));

        StepVerifier.create(run(caller, false, FAST).map(Frame::asString))
                .expectNext("echo:a", "echo:bye")
                .verifyComplete();
        assertThat(events.outcomes).containsExactly(Outcome.COMPLETED);
    }

    @Test
    void aResponseThatEndsAfterTheRequestsEndedIsANormalEnd() {
        transport.then(echo());

        StepVerifier.create(run(Flux.just(text("a"), text("b")), false, FAST).map(Frame::asString))
                .expectNext("echo:a", "echo:b")
                .verifyComplete();
        assertThat(transport.calls.get(0).requestsCompleted).isTrue();
    }

    @Test
    void anAttemptThatEndsWithoutAnyResponseWhileRequestsAreOpenIsAConnectionError() {
        transport.then(call -> {
            call.take(1, () -> call.future.complete(null));
        });
        TestPublisher<Frame> caller = TestPublisher.createCold();
        caller.next(text("a"));

        StepVerifier.create(run(caller, false, FAST.withMaxAttempts(1)))
                .expectErrorSatisfies(error -> assertThat(ErrorKind.of(error)).isEqualTo(ErrorKind.CONNECTION))
                .verify(TIMEOUT);
    }

    @Test
    void anAttemptThatEndsWithoutAnyResponseAfterTheRequestsEndedCompletesEmpty() {
        // Takes frames until the requests complete, then ends without a response stream.
        transport.then(call -> call.take(2, () -> call.future.complete(null)));

        StepVerifier.create(run(Flux.just(text("a")), false, FAST)).verifyComplete();
        assertThat(transport.calls.get(0).requestsCompleted).isTrue();
    }

    @Test
    void theCallersErrorEndsTheExchangeWithThatError() {
        transport.then(echo());
        IllegalStateException broken = new IllegalStateException("microphone unplugged");

        StepVerifier.create(run(Flux.concat(Flux.just(text("a")), Flux.error(broken)), false, FAST))
                .thenConsumeWhile(frame -> true)
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(broken))
                .verify(TIMEOUT);
    }

    @Test
    void theListenerSeesWhichFramesCompleteAnInputUnit() {
        transport.then(echo());

        StepVerifier.create(run(Flux.just(text("a").partial(), text("b")), false, FAST))
                .expectNextCount(2)
                .verifyComplete();
        assertThat(events.sent).containsExactly("1 partial", "1 complete");
        assertThat(events.received).isEqualTo(2);
    }

    @Test
    void aStreamTheServiceNeverAnswersFailsAtTheOpenTimeoutAndIsRetried() {
        transport.then(call -> {}).then(echo());

        StepVerifier.withVirtualTime(() -> run(Flux.just(text("a")), false, FAST, Duration.ofMillis(200))
                        .map(Frame::asString))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(199))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext("echo:a")
                .verifyComplete();
        // The timed-out call is reset right after its failure is reported, which a fast retry may overtake.
        await().atMost(TIMEOUT).until(() -> transport.calls.get(0).future.isCancelled());
        assertThat(events.retries).containsExactly("1 CONNECTION");
    }

    @Test
    void theOpenTimeoutEndsTheExchangeWhenNoRetryIsLeft() {
        transport.then(call -> {});

        // In virtual time: nothing before the 200 ms open timeout, the error at it.
        StepVerifier.withVirtualTime(
                        () -> run(Flux.just(text("a")), false, FAST.withMaxAttempts(1), Duration.ofMillis(200)))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(199))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(error -> {
                    assertThat(ErrorKind.of(error)).isEqualTo(ErrorKind.CONNECTION);
                    assertThat(error).hasMessageContaining("open timeout of PT0.2S");
                })
                .verify(TIMEOUT);
    }

    @Test
    void anAnsweredStreamIsNotCutByTheOpenTimeout() {
        transport.then(echo());
        TestPublisher<Frame> caller = TestPublisher.createCold();
        caller.next(text("a"));
        List<String> answers = new CopyOnWriteArrayList<>();

        // In virtual time: four open timeouts pass after the answer, and the stream goes on.
        StepVerifier.withVirtualTime(() -> run(caller, false, FAST, Duration.ofMillis(50))
                        .map(Frame::asString)
                        .doOnNext(answers::add))
                .expectNext("echo:a")
                .thenAwait(Duration.ofMillis(200))
                .then(() -> caller.next(text("b")).complete())
                .expectNext("echo:b")
                .verifyComplete();

        assertThat(answers).containsExactly("echo:a", "echo:b");
        assertThat(transport.calls).hasSize(1);
    }

    @Test
    void aCertificateRejectedWhileConnectingFailsTheWaitingAttemptForGoodSayingWhy() {
        // The SDK reports nothing (as 2.40.2 does): the call stays silent until the trust manager's report arrives.
        transport.connectsTo(java.net.URI.create("https://tls-unit.test:8443")).then(call -> {});
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        run(Flux.just(text("a")), false, FAST).subscribe(frame -> {}, failures::add);
        await().atMost(TIMEOUT).until(() -> transport.calls.size() == 1);

        ConnectFailures.record(
                "tls-unit.test:8443", "the certificate of tls-unit.test:8443 is not trusted", new Exception("PKIX"));

        await().atMost(TIMEOUT).until(() -> failures.size() == 1);
        BidiStreamException error = (BidiStreamException) failures.get(0);
        assertThat(error.kind()).isEqualTo(ErrorKind.CONNECTION);
        assertThat(error.retryable()).isFalse();
        assertThat(error.detail())
                .isEqualTo("TLS handshake with tls-unit.test:8443 failed: the certificate of tls-unit.test:8443 is "
                        + "not trusted");
        assertThat(events.retries).isEmpty();
        await().atMost(TIMEOUT).until(() -> transport.calls.get(0).future.isCancelled());
    }

    @Test
    void aCertificateRejectedBeforeTheAttemptStartedIsNotItsFailure() {
        ConnectFailures.record("tls-old.test:443", "an earlier failure", new Exception("old"));
        transport.connectsTo(java.net.URI.create("https://tls-old.test")).then(refuse(0, ErrorKind.CONNECTION));

        StepVerifier.create(run(Flux.just(text("a")), false, FAST.withMaxAttempts(1)))
                .expectErrorSatisfies(error ->
                        assertThat(((BidiStreamException) error).detail()).isEqualTo("scripted CONNECTION"))
                .verify(TIMEOUT);
    }

    @Test
    void aCloseBeforeHttp2ToAServerThatSpeaksNoTlsIsTheProtocolMismatchItIsNotRetried() throws Exception {
        try (PlaintextServer server = new PlaintextServer()) {
            transport
                    .connectsTo(server.endpoint("https"))
                    .then(refuse(0, closedBeforeHttp2(ErrorKind.CONNECTION, true)));

            StepVerifier.create(run(Flux.just(text("a")), false, FAST))
                    .expectErrorSatisfies(error -> {
                        BidiStreamException bidi = (BidiStreamException) error;
                        assertThat(bidi.kind()).isEqualTo(ErrorKind.CONNECTION);
                        assertThat(bidi.retryable()).isFalse();
                        assertThat(bidi.detail())
                                .contains("does not speak TLS")
                                .contains("use http://127.0.0.1:" + server.port());
                    })
                    .verify(TIMEOUT);
            assertThat(events.retries).isEmpty();
        }
    }

    @Test
    void onlyARetryableConnectionCloseBeforeHttp2IsProbed() throws Exception {
        try (PlaintextServer server = new PlaintextServer()) {
            transport
                    .connectsTo(server.endpoint("https"))
                    .then(refuse(0, closedBeforeHttp2(ErrorKind.THROTTLING, true)))
                    .then(refuse(0, closedBeforeHttp2(ErrorKind.CONNECTION, false)));

            // Neither is probed: the throttling is retried as usual, the permanent connection error ends it as is.
            StepVerifier.create(run(Flux.just(text("a")), false, FAST))
                    .expectErrorSatisfies(error -> assertThat(((BidiStreamException) error).detail())
                            .isEqualTo("closed before the protocol could be determined"))
                    .verify(TIMEOUT);
            assertThat(events.retries).containsExactly("1 THROTTLING");
        }
    }

    @Test
    void aConnectionCloseWithoutTheSdksWordsIsRetriedUnprobed() throws Exception {
        try (PlaintextServer server = new PlaintextServer()) {
            transport
                    .connectsTo(server.endpoint("https"))
                    .then(refuse(0, ErrorKind.CONNECTION))
                    .then(echo());

            StepVerifier.create(run(Flux.just(text("a")), false, FAST).map(Frame::asString))
                    .expectNext("echo:a")
                    .verifyComplete();
            assertThat(events.retries).containsExactly("1 CONNECTION");
        }
    }

    @Test
    void anAttemptWithoutAStreamAfterAWhileIsProbedAndFailsOnAProtocolMismatch() throws Exception {
        // Some SDK versions never report TLS spoken to a plaintext port: the attempt just waits.
        try (PlaintextServer server = new PlaintextServer()) {
            transport.connectsTo(server.endpoint("https")).then(call -> {});
            List<Throwable> failures = new CopyOnWriteArrayList<>();

            run(Flux.just(text("a")), false, FAST).subscribe(frame -> {}, failures::add);

            await().atMost(ExchangeRun.SLOW_CONNECT.plus(TIMEOUT)).until(() -> failures.size() == 1);
            BidiStreamException error = (BidiStreamException) failures.get(0);
            assertThat(error.retryable()).isFalse();
            assertThat(error.detail()).contains("does not speak TLS");
        }
    }

    @Test
    void theProbeFindsNothingWrongWithPlaintextOnHttpNorWithoutAServer() throws Exception {
        try (PlaintextServer server = new PlaintextServer()) {
            assertThat(ProtocolProbe.diagnose(server.endpoint("http"))).isNull();
            assertThat(ProtocolProbe.diagnose(java.net.URI.create("https://127.0.0.1:1")))
                    .isNull();
        }
    }

    private static BidiStreamException closedBeforeHttp2(ErrorKind kind, boolean retryable) {
        return new BidiStreamException(
                kind, retryable, null, null, "closed before the protocol could be determined", null, null, null);
    }

    /** A loopback server that answers anything with plaintext HTTP/1.1 and closes: no TLS spoken. */
    private static final class PlaintextServer implements AutoCloseable {

        private final java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        private final Thread acceptor = new Thread(this::serve, "plaintext-server");

        PlaintextServer() throws java.io.IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        java.net.URI endpoint(String scheme) {
            return java.net.URI.create(scheme + "://127.0.0.1:" + port());
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (java.net.Socket client = socket.accept()) {
                    client.getOutputStream()
                            .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (java.io.IOException e) {
                    // closed: the test is over
                }
            }
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }

    @Test
    void aFailureTheTransportReportsUntypedIsTranslatedByIt() {
        transport.then(refuse(0, new java.io.IOException("socket closed")));

        StepVerifier.create(run(Flux.just(text("a")), false, FAST))
                .expectErrorSatisfies(error -> {
                    BidiStreamException bidi = (BidiStreamException) error;
                    assertThat(bidi.errorCode()).contains("Translated");
                    assertThat(bidi.getCause()).hasMessage("socket closed");
                })
                .verify(TIMEOUT);
    }

    @Test
    void aTransportThatThrowsOnInvokeFailsTheAttempt() {
        transport.then(call -> {
            throw new IllegalStateException("client closed");
        });

        StepVerifier.create(run(Flux.just(text("a")), false, FAST))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("client closed"))
                .verify(TIMEOUT);
        assertThat(events.outcomes).containsExactly(Outcome.ERROR);
    }

    @Test
    void theExplainedErrorKeepsTheOriginalsStackTraceAndCause() {
        BidiStreamException original = ScriptedTransport.error(ErrorKind.UNAVAILABLE);
        transport.then(refuse(1, original));

        StepVerifier.create(run(Flux.just(text("a")), false, FAST))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isNotSameAs(original);
                    assertThat(error.getStackTrace()).isEqualTo(original.getStackTrace());
                    assertThat(((BidiStreamException) error).errorCode()).isEqualTo(original.errorCode());
                })
                .verify(TIMEOUT);
    }

    @Test
    void theCallersErrorEndsTheExchangeEvenIfTheTransportIgnoresIt() {
        transport.then(call -> {
            call.ignoreRequestErrors = true;
            call.take(1, () -> {});
        });
        IllegalStateException broken = new IllegalStateException("microphone unplugged");

        StepVerifier.create(run(Flux.concat(Flux.just(text("a")), Flux.error(broken)), false, FAST))
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(broken))
                .verify(TIMEOUT);
        assertThat(transport.calls.get(0).future).isCancelled();
    }

    @Test
    void theListenerSeesTheExchangeOpenItsFirstResponseAndItsError() {
        transport.then(quietEndAfter(2));
        TestPublisher<Frame> caller = TestPublisher.createCold();
        caller.next(text("a"), text("b"), text("c"));

        StepVerifier.create(run(caller, false, FAST))
                .expectNextCount(2)
                .expectError(BidiStreamException.class)
                .verify(TIMEOUT);
        assertThat(events.log)
                .containsExactly(
                        "opened", "first response", "received", "received", "error CONNECTION", "closed ERROR");
    }

    @Test
    void theEndOfTheExchangeCancelsTheCallersFrames() {
        transport.then(quietEndAfter(1));
        TestPublisher<Frame> caller = TestPublisher.create();

        Flux<Frame> responses = run(caller, false, FAST);
        StepVerifier.create(responses)
                .then(() -> caller.next(text("a")))
                .expectNextCount(1)
                .expectError(BidiStreamException.class)
                .verify(TIMEOUT);
        caller.assertCancelled();
    }

    @Test
    void theHandleIsToldWhenTheStreamIsLive() {
        transport.then(echo());
        java.util.concurrent.atomic.AtomicInteger live = new java.util.concurrent.atomic.AtomicInteger();
        DefaultExchangeContext context = new DefaultExchangeContext(
                "id-1", "unit", transport.target(ExchangeOptions.defaults()), System.nanoTime(), Context.empty());

        StepVerifier.create(new ExchangeRun<>(
                                transport,
                                ExchangeOptions.defaults(),
                                FAST,
                                Duration.ofSeconds(30),
                                events,
                                context,
                                Flux.just(text("a")),
                                frame -> null,
                                live::incrementAndGet)
                        .responses())
                .expectNextCount(1)
                .verifyComplete();
        assertThat(live).hasValue(1);
    }

    @Test
    void onceTheServiceAnsweredNothingIsRetriedEvenWithReplay() {
        transport
                .then(call -> call.take(1, () -> {
                    call.headersOnly();
                    call.fail(ScriptedTransport.error(ErrorKind.UNAVAILABLE));
                }))
                .then(echo());

        StepVerifier.create(run(Flux.just(text("a")), true, FAST))
                .expectErrorSatisfies(error -> assertThat(ErrorKind.of(error)).isEqualTo(ErrorKind.UNAVAILABLE))
                .verify(TIMEOUT);
        assertThat(transport.calls).hasSize(1);
    }

    @Test
    void theResponseHeadersReachTheExchangeContext() {
        transport.then(echo());
        DefaultExchangeContext context = new DefaultExchangeContext(
                "id-1", "unit", transport.target(ExchangeOptions.defaults()), System.nanoTime(), Context.empty());

        StepVerifier.create(new ExchangeRun<>(
                                transport,
                                ExchangeOptions.defaults(),
                                FAST,
                                Duration.ofSeconds(30),
                                events,
                                context,
                                Flux.just(text("a")),
                                frame -> null,
                                null)
                        .responses())
                .expectNextCount(1)
                .verifyComplete();
        assertThat(context.invokedVariant()).contains("v1");
        assertThat(context.requestId()).contains("req-1");
    }

    @Test
    void aCallWhoseFutureAloneFailsFailsTheExchange() {
        transport.then(call ->
                call.take(1, () -> call.future.completeExceptionally(ScriptedTransport.error(ErrorKind.INTERNAL))));

        StepVerifier.create(run(Flux.just(text("a")), false, FAST))
                .expectErrorSatisfies(error -> assertThat(ErrorKind.of(error)).isEqualTo(ErrorKind.INTERNAL))
                .verify(TIMEOUT);
    }

    @Test
    void cancellingTheResponsesCancelsTheCall() {
        transport.then(echo());
        TestPublisher<Frame> caller = TestPublisher.createCold();
        caller.next(text("a"));

        StepVerifier.create(run(caller, false, FAST))
                .expectNextCount(1)
                .thenCancel()
                .verify(TIMEOUT);
        assertThat(transport.calls.get(0).future).isCancelled();
        assertThat(events.outcomes).containsExactly(Outcome.CANCELLED);
    }

    private Flux<Frame> run(Publisher<Frame> requests, boolean replay, RetryPolicy policy) {
        return run(requests, replay, policy, Duration.ofSeconds(30));
    }

    private Flux<Frame> run(Publisher<Frame> requests, boolean replay, RetryPolicy policy, Duration openTimeout) {
        DefaultExchangeContext context = new DefaultExchangeContext(
                "id-1", "unit", transport.target(ExchangeOptions.defaults()), System.nanoTime(), Context.empty());
        return new ExchangeRun<>(
                        transport,
                        ExchangeOptions.defaults().withReplayUnconfirmed(replay),
                        policy,
                        openTimeout,
                        events,
                        context,
                        requests,
                        frame -> null,
                        null)
                .responses();
    }

    private static Frame text(String text) {
        return Frame.text(text);
    }

    /** Listener callbacks, recorded. */
    private static final class Events implements ExchangeListener {

        final List<String> retries = new CopyOnWriteArrayList<>();
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        final List<String> log = new CopyOnWriteArrayList<>();
        volatile int received;

        @Override
        public void opened(ExchangeContext exchange) {
            log.add("opened");
        }

        @Override
        public void firstResponse(ExchangeContext exchange, long nanoTime) {
            log.add("first response");
        }

        @Override
        public void retrying(ExchangeContext exchange, int attempt, BidiStreamException cause, Duration delay) {
            retries.add(attempt + " " + cause.kind());
        }

        @Override
        public void frameSent(ExchangeContext exchange, int bytes, boolean completesInput, long nanoTime) {
            sent.add(bytes + (completesInput ? " complete" : " partial"));
        }

        @Override
        public void frameReceived(ExchangeContext exchange, int bytes, long nanoTime) {
            received++;
            log.add("received");
        }

        @Override
        public void closed(ExchangeContext exchange, Outcome outcome, long nanoTime) {
            outcomes.add(outcome);
            log.add("closed " + outcome);
        }

        @Override
        public void error(ExchangeContext exchange, ErrorKind kind, @Nullable Throwable error) {
            log.add("error " + kind);
        }
    }
}
