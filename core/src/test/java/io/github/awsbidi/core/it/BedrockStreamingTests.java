package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.retry.RetryPolicy;
import io.github.awsbidi.emulator.config.BedrockModel;
import io.github.awsbidi.emulator.config.Faults;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class BedrockStreamingTests extends EmulatorSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @ParameterizedTest
    @EnumSource(Wire.class)
    void jsonChunksRoundTripAndTheListenerSeesEveryStep(Wire wire) {
        RecordingListener listener = new RecordingListener();
        BedrockSession session =
                bedrock(wire, "echo.test-v1:0", SessionOptions.defaults().withListener(listener));
        List<String> events = List.of("{\"event\":{\"sessionStart\":{}}}", "{\"event\":{\"sessionEnd\":{}}}");

        List<Frame> echoed = session.exchange(Flux.fromIterable(events).map(Frame::json))
                .collectList()
                .block(TIMEOUT);

        assertThat(echoed).extracting(Frame::asString).containsExactlyElementsOf(events);
        assertThat(echoed).extracting(Frame::type).containsOnly(DataType.UTF8);
        assertThat(session.target()).isEqualTo(Target.bedrock("us-east-1", "echo.test-v1:0"));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(listener.events)
                        .containsExactly(
                                "opened br-echo.test-v1:0",
                                "sent 29",
                                "sent 27",
                                "first response",
                                "received 29",
                                "received 27",
                                "closed COMPLETED"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void endOfLifeModelIsNotFound(Wire wire) {
        RecordingListener listener = new RecordingListener();

        StepVerifier.create(bedrock(
                                wire,
                                "amazon.nova-sonic-v1:0",
                                SessionOptions.defaults().withListener(listener))
                        .exchange(Flux.just(Frame.json("{}"))))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(BidiStreamException.class, bidi -> {
                            assertThat(bidi.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                            assertThat(bidi.errorCode()).contains("ResourceNotFoundException");
                            assertThat(bidi.getCause()).isNotNull();
                        })
                        .hasMessageContaining("amazon.nova-sonic-v1:0"))
                .verify(TIMEOUT);
        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(listener.events).containsSubsequence("error NOT_FOUND", "closed ERROR"));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void inStreamExceptionsAreTyped(Wire wire) {
        reconfigure(
                wire,
                config -> config.bedrockModel(
                        "echo.timeout-v1:0",
                        BedrockModel.echo()
                                .withFaults(Faults.none()
                                        .withInStreamError("modelTimeoutException", 1, "stream too long"))));

        StepVerifier.create(bedrock(wire, "echo.timeout-v1:0", SessionOptions.defaults())
                        .exchange(Flux.just(Frame.json("{}")).concatWith(Flux.never())))
                .thenConsumeWhile(frame -> true)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(BidiStreamException.class, bidi -> {
                            assertThat(bidi.kind()).isEqualTo(ErrorKind.MODEL_TIMEOUT);
                            assertThat(bidi.retryable()).isTrue();
                            assertThat(bidi.detail()).isEqualTo("stream too long");
                        }))
                .verify(TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void throttledOpenIsTyped(Wire wire) {
        reconfigure(
                wire,
                config -> config.bedrockModel(
                        "echo.throttled-v1:0",
                        BedrockModel.echo()
                                .withFaults(
                                        Faults.none().withOpenError("ThrottlingException", -1, "Too many requests"))));

        StepVerifier.create(bedrock(
                                wire,
                                "echo.throttled-v1:0",
                                SessionOptions.defaults()
                                        .withRetryPolicy(io.github.awsbidi.core.retry.RetryPolicy.none()))
                        .exchange(Flux.never()))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(BidiStreamException.class, bidi -> {
                            assertThat(bidi.kind()).isEqualTo(ErrorKind.THROTTLING);
                            assertThat(bidi.statusCode()).contains(429);
                        }))
                .verify(TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void twoThrottledOpensNeverEndInAnEmptySuccess(Wire wire) {
        reconfigure(
                wire,
                config -> config.bedrockModel(
                        "echo.throttled-twice-v1:0",
                        BedrockModel.echo()
                                .withFaults(
                                        Faults.none().withOpenError("ThrottlingException", 2, "Too many requests"))));
        BedrockSession session = bedrock(
                wire,
                "echo.throttled-twice-v1:0",
                SessionOptions.defaults()
                        .withRetryPolicy(
                                RetryPolicy.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))));
        List<String> events = List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");

        List<Object> outcome = session.exchange(Flux.fromIterable(events).map(Frame::json))
                .map(frame -> (Object) frame.asString())
                .onErrorResume(BidiStreamException.class, Flux::just)
                .collectList()
                .block(TIMEOUT);

        // Either the refused attempts took no frame and the third one answers all, or the frames went to a refused
        // attempt and the exchange fails saying so: never [] with no error.
        if (outcome.size() == 1 && outcome.get(0) instanceof BidiStreamException error) {
            assertThat(error.kind()).isEqualTo(ErrorKind.THROTTLING);
            assertThat(error.detail()).contains("not retried");
        } else {
            assertThat(outcome).containsExactlyElementsOf(events);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void sageMakerHeadersAreRejected(Wire wire) {
        StepVerifier.create(bedrock(wire, "echo.test-v1:0", SessionOptions.defaults())
                        .exchange(Flux.never(), ExchangeOptions.defaults().withTargetVariant("v1")))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(
                                BidiStreamException.class,
                                bidi -> assertThat(bidi.kind()).isEqualTo(ErrorKind.VALIDATION))
                        .hasMessageContaining("SageMaker headers"))
                .verify(TIMEOUT);
    }
}
