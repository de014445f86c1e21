package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.retry.RetryPolicy;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.config.SageMakerEndpoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class RetryTests extends EmulatorSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final RetryPolicy FAST =
            RetryPolicy.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

    @ParameterizedTest
    @EnumSource(Wire.class)
    void throttledOpensAreRetriedWhenNoFrameWasSent(Wire wire) {
        failFirstOpens(wire, "retry-clean", "ServiceUnavailableError", 2, "busy");
        RecordingListener listener = new RecordingListener();
        SageMakerSession session = session(wire, "retry-clean", listener);
        long opened = emulator(wire).stats().streamsOpened();
        // Frames flow only once the emulator has accepted a stream: no attempt that failed saw any.
        Flux<Frame> requests = Mono.fromRunnable(() -> await().atMost(TIMEOUT)
                        .until(() -> emulator(wire).stats().streamsOpened() > opened))
                .subscribeOn(Schedulers.boundedElastic())
                .thenMany(Flux.just(Frame.text("a"), Frame.text("b")));

        List<String> echoed =
                session.exchange(requests).map(Frame::asString).collectList().block(TIMEOUT);

        assertThat(echoed).containsExactly("a", "b");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(listener.events)
                        .containsSubsequence(
                                "retrying after attempt 1 UNAVAILABLE",
                                "retrying after attempt 2 UNAVAILABLE",
                                "closed COMPLETED"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void transientModelErrorsAreRetriedAndFramesReplayedOnlyWhenOptedIn(Wire wire) {
        failFirstOpens(wire, "retry-replay", "ModelError", 1, "Failed to establish WebSocket connection");
        RecordingListener listener = new RecordingListener();

        List<String> echoed = session(wire, "retry-replay", listener)
                .exchange(
                        Flux.just(Frame.text("a"), Frame.text("b")),
                        ExchangeOptions.defaults().withReplayUnconfirmed(true))
                .map(Frame::asString)
                .collectList()
                .block(TIMEOUT);

        // Exactly once each, whether or not the failed attempt had already taken them.
        assertThat(echoed).containsExactly("a", "b");
        assertThat(listener.count("retrying after attempt 1 MODEL_ERROR")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void framesARefusedOpenTookAreSentAgainOnceEachWithoutOptIn(Wire wire) {
        failFirstOpens(wire, "retry-no-replay", "ServiceUnavailableError", 2, "busy");
        RecordingListener listener = new RecordingListener();

        List<Object> outcome = session(wire, "retry-no-replay", listener)
                .exchange(Flux.just(Frame.text("a"), Frame.text("b"), Frame.text("c")))
                .map(frame -> (Object) frame.asString())
                .onErrorResume(BidiStreamException.class, error -> Flux.just(error))
                .collectList()
                .block(TIMEOUT);

        // A refused attempt usually takes frames before the service refuses it (the SDK asks for them before the
        // response headers); the service refused the stream as a whole, so they are sent again to the next attempt,
        // without the exchange's opt-in. Every frame answered once, in order.
        assertThat(outcome).containsExactly("a", "b", "c");
        assertThat(listener.count("retrying after attempt")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aTransientModelErrorAtOpenIsRetriedWithTheFramesItTookWithoutOptIn(Wire wire) {
        // SageMaker's 424 "Failed to establish WebSocket connection": the front end refused the stream as a whole.
        failFirstOpens(wire, "retry-model-error", "ModelError", 1, "Failed to establish WebSocket connection");
        RecordingListener listener = new RecordingListener();

        List<String> echoed = session(wire, "retry-model-error", listener)
                .exchange(Flux.just(Frame.text("a"), Frame.text("b"), Frame.text("c")))
                .map(Frame::asString)
                .collectList()
                .block(TIMEOUT);

        assertThat(echoed).containsExactly("a", "b", "c");
        assertThat(listener.count("retrying after attempt 1 MODEL_ERROR")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void withReplayEveryFrameArrivesOnceAfterTwoRefusedOpens(Wire wire) {
        failFirstOpens(wire, "retry-replay-twice", "ServiceUnavailableError", 2, "busy");
        RecordingListener listener = new RecordingListener();

        List<String> echoed = session(wire, "retry-replay-twice", listener)
                .exchange(
                        Flux.just(Frame.text("a"), Frame.text("b"), Frame.text("c")),
                        ExchangeOptions.defaults().withReplayUnconfirmed(true))
                .map(Frame::asString)
                .collectList()
                .block(TIMEOUT);

        assertThat(echoed).containsExactly("a", "b", "c");
        assertThat(listener.count("retrying")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void retriesStopAtMaxAttempts(Wire wire) {
        failFirstOpens(wire, "retry-forever", "ServiceUnavailableError", -1, "down");
        RecordingListener listener = new RecordingListener();
        SageMakerSession session = SageMakerSession.create(
                "limited",
                factory(wire).sageMaker(connection(wire)),
                SageMakerSessionSettings.of("retry-forever"),
                SessionOptions.defaults().withListener(listener).withRetryPolicy(FAST.withMaxAttempts(3)));

        StepVerifier.create(session.exchange(Flux.never()))
                .expectErrorSatisfies(error ->
                        assertThat(((BidiStreamException) error).kind()).isEqualTo(ErrorKind.UNAVAILABLE))
                .verify(TIMEOUT);
        assertThat(listener.count("retrying")).isEqualTo(2);
    }

    private static void failFirstOpens(Wire wire, String endpoint, String errorType, int count, String message) {
        reconfigure(
                wire,
                config -> config.sagemakerEndpoint(
                        endpoint,
                        SageMakerEndpoint.of("echo")
                                .withFaults(Faults.none().withOpenError(errorType, count, message))));
    }

    private static SageMakerSession session(Wire wire, String endpoint, RecordingListener listener) {
        return SageMakerSession.create(
                endpoint,
                factory(wire).sageMaker(connection(wire)),
                SageMakerSessionSettings.of(endpoint),
                SessionOptions.defaults().withListener(listener).withRetryPolicy(FAST));
    }
}
