package io.github.awsbidi.emulator.cassette;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One cassette as the emulator reads it.
 *
 * @param source the file it came from, for messages
 * @param service {@code sagemaker}, {@code bedrock} or {@code polly}
 * @param resource the recorded endpoint name, model id or voice id
 * @param variant the recorded target variant, or {@code null}
 * @param invocationPath the recorded model invocation path, or {@code null}
 * @param queryString the recorded model query string, or {@code null}
 * @param steps the recorded events after the header, in order
 */
record RecordedCassette(
        String source,
        String service,
        String resource,
        @Nullable String variant,
        @Nullable String invocationPath,
        @Nullable String queryString,
        List<Step> steps) {

    RecordedCassette {
        steps = List.copyOf(steps);
    }

    /** The recorded request frames, in order. */
    List<Step.Frame> requests() {
        return steps.stream()
                .filter(step -> step instanceof Step.Frame frame && frame.request())
                .map(Step.Frame.class::cast)
                .toList();
    }

    /** The recorded answer, or {@code null} when the service refused the stream. */
    Step.@Nullable Answered answered() {
        return steps.stream()
                .filter(Step.Answered.class::isInstance)
                .map(Step.Answered.class::cast)
                .findFirst()
                .orElse(null);
    }

    /** The recorded end, or {@code null} when the recording stops short of one. */
    Step.@Nullable End end() {
        return steps.isEmpty() || !(steps.get(steps.size() - 1) instanceof Step.End end) ? null : end;
    }

    /** One line of a cassette after the header. */
    sealed interface Step {

        /** Microseconds since the exchange started. */
        long atMicros();

        record Answered(long atMicros, @Nullable String invokedVariant) implements Step {}

        /** A request ({@code request == true}) or response frame. */
        record Frame(long atMicros, boolean request, boolean utf8, boolean complete, byte[] payload) implements Step {
            String shape() {
                return (utf8 ? "UTF8" : "BINARY") + ", " + (complete ? "COMPLETE" : "PARTIAL") + ", " + payload.length
                        + " bytes";
            }
        }

        record RequestsCompleted(long atMicros) implements Step {}

        /** The end: {@code completed}, {@code cancelled} or {@code error} with {@code error}. */
        record End(long atMicros, String outcome, @Nullable Error error) implements Step {}
    }

    /**
     * A recorded failure.
     *
     * @param kind the client's error kind, for messages
     * @param code the client's error code (a container's close code for SageMaker ModelStreamError)
     * @param awsErrorType the error type the service sent, absent for client-side failures
     * @param status the HTTP status of a refused stream
     * @param message the service's message
     */
    record Error(
            String kind,
            @Nullable String code,
            @Nullable String awsErrorType,
            @Nullable Integer status,
            String message) {}
}
