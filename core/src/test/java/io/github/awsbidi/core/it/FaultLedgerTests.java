package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.retry.RetryPolicy;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import io.github.awsbidi.emulator.config.BedrockModel;
import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.config.SageMakerEndpoint;
import java.time.Duration;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract under every fault the emulator injects, on both operations and both wires: every frame the caller sent
 * is answered, or the exchange fails with a typed error within {@link #BOUND}; never a normal end with answers
 * missing; and the same session works once the fault is gone. The "What happens when things fail" table (docs/failures.md)
 * states what these tests assert.
 */
class FaultLedgerTests extends EmulatorSupport {

    /** The bound on failing, stated in docs/failures.md: a fault is reported well within it. */
    static final Duration BOUND = Duration.ofSeconds(10);

    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final Duration PACE = Duration.ofMillis(10);
    private static final int FRAMES = 12;
    private static final RetryPolicy FAST =
            RetryPolicy.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));

    /** Which operation a case runs on, with its own error names. */
    enum Operation {
        SAGEMAKER("ServiceUnavailableError", ErrorKind.UNAVAILABLE, "ModelStreamError"),
        BEDROCK("ThrottlingException", ErrorKind.THROTTLING, "modelStreamErrorException");

        final String openError;
        final ErrorKind openErrorKind;
        final String inStreamError;

        Operation(String openError, ErrorKind openErrorKind, String inStreamError) {
            this.openError = openError;
            this.openErrorKind = openErrorKind;
            this.inStreamError = inStreamError;
        }

        IntFunction<Frame> frames() {
            return this == SAGEMAKER ? i -> Frame.text("f" + i) : i -> Frame.json("{\"n\":" + i + "}");
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(Operation.values())
                .flatMap(operation -> Stream.of(Wire.values()).map(wire -> Arguments.of(operation, wire)));
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("cases")
    void refusedOpensThenSuccessDeliverEveryFrameWithReplay(Operation operation, Wire wire) {
        BidirectionalSession session =
                faulty(operation, wire, "open-replay", Faults.none().withOpenError(operation.openError, 2, "busy"));

        ledger(session, operation, ExchangeOptions.defaults().withReplayUnconfirmed(true))
                .assertAllAnswered();
        worksAfterwards(session, operation, wire, "open-replay");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("cases")
    void refusedOpensWithoutReplayStillAnswerEveryFrameExactlyOnce(Operation operation, Wire wire) {
        // The service refused each stream as a whole with an error status before any response event: nothing the
        // refused attempts took reached the model, so the library sends it again without the exchange's opt-in.
        BidirectionalSession session =
                faulty(operation, wire, "open-no-replay", Faults.none().withOpenError(operation.openError, 2, "busy"));

        ledger(session, operation, ExchangeOptions.defaults()).assertAllAnswered();
        worksAfterwards(session, operation, wire, "open-no-replay");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("cases")
    void refusedOpensBeyondMaxReplayBytesFailTypedSayingSo(Operation operation, Wire wire) {
        BidirectionalSession session = faulty(
                operation,
                wire,
                "open-overflow",
                Faults.none().withOpenError(operation.openError, 2, "busy"),
                SessionOptions.defaults().withRetryPolicy(FAST.withMaxReplayBytes(1)));

        Ledger ledger = ledger(session, operation, ExchangeOptions.defaults())
                .assertAnsweredOrFailed(Set.of(operation.openErrorKind), BOUND);
        // Answered only when the refused attempts took no frame at all (the first frame comes after a pace).
        if (ledger.error() != null) {
            assertThat(ledger.received()).isEmpty();
            assertThat(ledger.error()).hasMessageContaining("not retried").hasMessageContaining("maxReplayBytes");
        }
        worksAfterwards(session, operation, wire, "open-overflow");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("cases")
    void anInStreamErrorFailsTheExchangeTyped(Operation operation, Wire wire) {
        BidirectionalSession session = faulty(
                operation,
                wire,
                "in-stream",
                Faults.none().withInStreamError(operation.inStreamError, 4, "model fell over"));

        ledger(session, operation, ExchangeOptions.defaults())
                .assertFailed(Set.of(ErrorKind.MODEL_STREAM_ERROR), BOUND);
        worksAfterwards(session, operation, wire, "in-stream");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("cases")
    void aResetStreamFailsTheExchangeAsAConnectionError(Operation operation, Wire wire) {
        BidirectionalSession session =
                faulty(operation, wire, "reset", Faults.none().withResetAfterFrames(4));

        ledger(session, operation, ExchangeOptions.defaults()).assertFailed(Set.of(ErrorKind.CONNECTION), BOUND);
        worksAfterwards(session, operation, wire, "reset");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("cases")
    void aClosedConnectionFailsTheExchangeAsAConnectionError(Operation operation, Wire wire) {
        BidirectionalSession session =
                faulty(operation, wire, "close", Faults.none().withCloseConnectionAfterFrames(4));

        ledger(session, operation, ExchangeOptions.defaults()).assertFailed(Set.of(ErrorKind.CONNECTION), BOUND);
        worksAfterwards(session, operation, wire, "close");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("cases")
    void aGracefulGoAwayLetsTheOpenStreamFinish(Operation operation, Wire wire) {
        BidirectionalSession session =
                faulty(operation, wire, "goaway", Faults.none().withGoAwayAfterFrames(4));

        ledger(session, operation, ExchangeOptions.defaults()).assertAllAnswered();
        // The connection that said GOAWAY takes no new stream: the next exchange opens another connection.
        ledger(session, operation, ExchangeOptions.defaults()).assertAllAnswered();
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("cases")
    void aStreamTheServiceNeverAnswersFailsAtTheOpenTimeout(Operation operation, Wire wire) {
        BidirectionalSession session = faulty(
                operation,
                wire,
                "silent",
                Faults.none().withFirstResponseDelay(Duration.ofHours(1)),
                SessionOptions.defaults()
                        .withOpenTimeout(Duration.ofMillis(500))
                        .withRetryPolicy(FAST.withMaxAttempts(2)));

        Ledger ledger = ledger(session, operation, ExchangeOptions.defaults())
                .assertFailed(Set.of(ErrorKind.CONNECTION), BOUND);
        assertThat(ledger.error()).hasMessageContaining("open timeout");
        worksAfterwards(session, operation, wire, "silent");
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("cases")
    void aSlowConsumerGetsEveryFrame(Operation operation, Wire wire) {
        BidirectionalSession session = faulty(operation, wire, "slow", Faults.none());
        IntFunction<Frame> frames = operation.frames();

        java.util.List<String> answers = session.exchange(
                        reactor.core.publisher.Flux.range(0, FRAMES).map(frames::apply))
                .limitRate(1)
                .delayElements(Duration.ofMillis(20))
                .map(Frame::asString)
                .collectList()
                .block(LIMIT);

        assertThat(answers)
                .containsExactlyElementsOf(Stream.iterate(0, i -> i + 1)
                        .limit(FRAMES)
                        .map(i -> frames.apply(i).asString())
                        .toList());
    }

    private static Ledger ledger(BidirectionalSession session, Operation operation, ExchangeOptions options) {
        return Ledger.run(session, FRAMES, PACE, operation.frames(), options, LIMIT);
    }

    /** The fault removed, the same session answers every frame again. */
    private static void worksAfterwards(BidirectionalSession session, Operation operation, Wire wire, String name) {
        configure(operation, wire, name, Faults.none());
        ledger(session, operation, ExchangeOptions.defaults()).assertAllAnswered();
    }

    private static BidirectionalSession faulty(Operation operation, Wire wire, String name, Faults faults) {
        return faulty(operation, wire, name, faults, SessionOptions.defaults().withRetryPolicy(FAST));
    }

    private static BidirectionalSession faulty(
            Operation operation, Wire wire, String name, Faults faults, SessionOptions options) {
        configure(operation, wire, name, faults);
        return switch (operation) {
            case SAGEMAKER ->
                SageMakerSession.create(
                        "ledger-" + name,
                        factory(wire).sageMaker(connection(wire)),
                        SageMakerSessionSettings.of(endpoint(name)),
                        options);
            case BEDROCK ->
                BedrockSession.create(
                        "ledger-" + name,
                        factory(wire).bedrock(connection(wire)),
                        BedrockSessionSettings.of(model(name)),
                        options);
        };
    }

    private static void configure(Operation operation, Wire wire, String name, Faults faults) {
        switch (operation) {
            case SAGEMAKER ->
                reconfigure(
                        wire,
                        config -> config.sagemakerEndpoint(
                                endpoint(name), SageMakerEndpoint.of("echo").withFaults(faults)));
            case BEDROCK ->
                reconfigure(
                        wire,
                        config -> config.bedrockModel(
                                model(name), BedrockModel.echo().withFaults(faults)));
        }
    }

    private static String endpoint(String name) {
        return "ledger-" + name;
    }

    private static String model(String name) {
        return "echo.ledger-" + name + "-v1:0";
    }
}
