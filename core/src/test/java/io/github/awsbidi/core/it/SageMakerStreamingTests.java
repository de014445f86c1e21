package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import io.github.awsbidi.emulator.EmulatorStats;
import io.github.awsbidi.emulator.config.EndpointStatus;
import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.config.SageMakerEndpoint;
import io.github.awsbidi.emulator.config.Variant;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.subscriber.TestSubscriber;

class SageMakerStreamingTests extends EmulatorSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(Wire.class)
    void echoReturnsEveryPartUnchangedAndCompletesAfterTheRequestsComplete(Wire wire) {
        SageMakerSession session = sageMaker(wire, "echo");
        List<Frame> sent = List.of(
                Frame.text("{\"type\":\"KeepAlive\"}"),
                Frame.binary(new byte[] {0, 1, 2, (byte) 255}),
                Frame.text("first half ").partial(),
                Frame.text("second half"),
                Frame.binary(new byte[] {42}).withPadding("pppp"));
        long completedBefore = emulator(wire).stats().streamsCompleted();

        List<Frame> received =
                session.exchange(Flux.fromIterable(sent)).collectList().block(TIMEOUT);

        assertThat(received)
                .extracting(Frame::type, Frame::last, Frame::size)
                .containsExactly(
                        tuple(DataType.UTF8, true, 20),
                        tuple(DataType.BINARY, true, 4),
                        tuple(DataType.UTF8, false, 11),
                        tuple(DataType.UTF8, true, 11),
                        tuple(DataType.BINARY, true, 1));
        assertThat(received)
                .extracting(Frame::payload)
                .containsExactlyElementsOf(sent.stream().map(Frame::payload).toList());
        // The emulator counts the stream as completed just after writing END_STREAM, which the client may see first.
        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(emulator(wire).stats().streamsCompleted()).isEqualTo(completedBefore + 1));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void targetIsTheEndpointInTheClientsRegion(Wire wire) {
        SageMakerSession session = sageMaker(
                wire, SageMakerSessionSettings.of("echo").withTargetVariant("variant-1"), SessionOptions.defaults());

        assertThat(session.target()).isEqualTo(Target.sageMaker("us-east-1", "echo", "variant-1"));
        assertThat(session.name()).isEqualTo("sm-echo");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void invokedVariantIsReportedAndOverridablePerExchange(Wire wire) {
        reconfigure(
                wire,
                config -> config.sagemakerEndpoint(
                        "two-variants",
                        new SageMakerEndpoint(
                                EndpointStatus.IN_SERVICE,
                                List.of(new Variant("blue", "echo"), new Variant("green", "echo")),
                                Faults.none())));
        SageMakerSession session = sageMaker(
                wire,
                SageMakerSessionSettings.of("two-variants")
                        .withTargetVariant("blue")
                        .withModelInvocationPath("v1/listen")
                        .withModelQueryString("model=nova-3"),
                SessionOptions.defaults());

        assertThat(invokedVariant(session, ExchangeOptions.defaults())).isEqualTo("blue");
        assertThat(invokedVariant(
                        session,
                        ExchangeOptions.defaults().withTargetVariant("green").withModelQueryString("language=en")))
                .isEqualTo("green");
    }

    private static String invokedVariant(SageMakerSession session, ExchangeOptions options) {
        return session.open(options)
                .flatMap(exchange -> {
                    exchange.send(Frame.text("ping")).subscribe();
                    exchange.complete();
                    return exchange.responses()
                            .then(Mono.fromSupplier(
                                    () -> exchange.invokedVariant().orElseThrow()));
                })
                .block(TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void invalidOverridesFailBeforeAnythingIsSent(Wire wire) {
        SageMakerSession session = sageMaker(wire, "echo");
        AtomicBoolean subscribed = new AtomicBoolean();
        long opened = emulator(wire).stats().streamsOpened();

        StepVerifier.create(session.exchange(
                        Flux.just(Frame.text("x")).doOnSubscribe(s -> subscribed.set(true)),
                        ExchangeOptions.defaults().withModelInvocationPath("/not/a/relative/path")))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(
                                BidiStreamException.class,
                                bidi -> assertThat(bidi.kind()).isEqualTo(ErrorKind.VALIDATION))
                        .hasMessageContaining("session 'sm-echo'")
                        .hasMessageContaining("modelInvocationPath (X-Amzn-SageMaker-Model-Invocation-Path)"))
                .verify(TIMEOUT);
        assertThatThrownBy(() -> session.open(ExchangeOptions.defaults().withTargetVariant("x".repeat(64)))
                        .block(TIMEOUT))
                .hasMessageContaining("over the limit of 63");

        assertThat(subscribed).isFalse();
        assertThat(emulator(wire).stats().streamsOpened()).isEqualTo(opened);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void unknownEndpointIsNotFound(Wire wire) {
        StepVerifier.create(sageMaker(wire, "no-such-endpoint").exchange(Flux.just(Frame.text("x"))))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(BidiStreamException.class, bidi -> {
                            assertThat(bidi.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                            assertThat(bidi.retryable()).isFalse();
                            assertThat(bidi.getCause()).isNotNull();
                        })
                        .hasMessageContaining("no-such-endpoint"))
                .verify(TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void modelStreamErrorEndsTheResponsesWithItsCodeAndMessage(Wire wire) {
        reconfigure(
                wire,
                config -> config.sagemakerEndpoint(
                        "stream-error",
                        SageMakerEndpoint.of("echo")
                                .withFaults(
                                        Faults.none().withInStreamError("ModelStreamError", 2, "container exploded"))));

        StepVerifier.create(sageMaker(wire, "stream-error")
                        .exchange(Flux.just(Frame.text("a"), Frame.text("b")).concatWith(Flux.never())))
                .thenConsumeWhile(frame -> true)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(BidiStreamException.class, bidi -> {
                            assertThat(bidi.kind()).isEqualTo(ErrorKind.MODEL_STREAM_ERROR);
                            assertThat(bidi.errorCode()).contains("ModelStreamError");
                            assertThat(bidi.detail()).isEqualTo("container exploded");
                        }))
                .verify(TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void internalStreamFailureIsTyped(Wire wire) {
        reconfigure(
                wire,
                config -> config.sagemakerEndpoint(
                        "stream-failure",
                        SageMakerEndpoint.of("echo")
                                .withFaults(Faults.none()
                                        .withInStreamError("InternalStreamFailure", 1, "platform fault"))));

        StepVerifier.create(sageMaker(wire, "stream-failure")
                        .exchange(Flux.just(Frame.text("a")).concatWith(Flux.never())))
                .thenConsumeWhile(frame -> true)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(BidiStreamException.class, bidi -> {
                            assertThat(bidi.kind()).isEqualTo(ErrorKind.INTERNAL);
                            assertThat(bidi.errorCode()).contains("InternalStreamFailure");
                            assertThat(bidi.detail()).isEqualTo("platform fault");
                        }))
                .verify(TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void cancellingTheResponsesResetsTheStreamAndCancelsTheRequests(Wire wire) {
        EmulatorStats stats = emulator(wire).stats();
        long resetBefore = stats.streamsResetByClient();
        AtomicBoolean requestsCancelled = new AtomicBoolean();
        Sinks.Many<Frame> requests = Sinks.many().unicast().onBackpressureBuffer();
        TestSubscriber<Frame> responses = TestSubscriber.create();
        sageMaker(wire, "echo")
                .exchange(requests.asFlux().doOnCancel(() -> requestsCancelled.set(true)))
                .subscribe(responses);
        requests.tryEmitNext(Frame.text("hello"));
        await().atMost(TIMEOUT).until(() -> responses.getReceivedOnNext().size() == 1);

        responses.cancel();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(stats.streamsResetByClient()).isEqualTo(resetBefore + 1);
            assertThat(requestsCancelled).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void anErrorInTheRequestsResetsTheStreamAndSurfacesThatError(Wire wire) {
        EmulatorStats stats = emulator(wire).stats();
        long resetBefore = stats.streamsResetByClient();
        IllegalStateException failure = new IllegalStateException("microphone unplugged");
        Sinks.Many<Frame> requests = Sinks.many().unicast().onBackpressureBuffer();
        TestSubscriber<Frame> responses = TestSubscriber.create();
        sageMaker(wire, "echo").exchange(requests.asFlux()).subscribe(responses);
        requests.tryEmitNext(Frame.text("hello"));
        await().atMost(TIMEOUT).until(() -> responses.getReceivedOnNext().size() == 1);

        requests.tryEmitError(failure);

        await().atMost(TIMEOUT).until(responses::isTerminated);
        assertThat(responses.expectTerminalError()).isSameAs(failure);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(stats.streamsResetByClient()).isEqualTo(resetBefore + 1));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aFrameOverTheLimitFailsTheExchangeNamingTheLimit(Wire wire) {
        SageMakerSession session = sageMaker(
                wire,
                SageMakerSessionSettings.of("echo"),
                SessionOptions.defaults().withMaxFrameBytes(8));
        List<Frame> echoed = new java.util.concurrent.CopyOnWriteArrayList<>();

        // The oversized frame is an error of the request publisher: the stream is reset, the frame never sent.
        StepVerifier.create(session.exchange(Flux.just(Frame.text("small"), Frame.text("much too large"))))
                .thenConsumeWhile(echoed::add)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(
                                BidiStreamException.class,
                                bidi -> assertThat(bidi.kind()).isEqualTo(ErrorKind.VALIDATION))
                        .hasMessageContaining("frame payload is 14 bytes, over the limit of maxFrameBytes=8 bytes"))
                .verify(TIMEOUT);
        assertThat(echoed).extracting(Frame::asString).doesNotContain("much too large");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
