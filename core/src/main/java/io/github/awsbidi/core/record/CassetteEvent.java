package io.github.awsbidi.core.record;

import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.listener.Outcome;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One line of a cassette after its header, in the order things happened. Times are microseconds from the start. */
public sealed interface CassetteEvent {

    /** Microseconds since the exchange started. */
    long atMicros();

    /**
     * The service answered with its response headers.
     *
     * @param atMicros microseconds since the start
     * @param invokedVariant SageMaker's {@code X-Amzn-Invoked-Production-Variant}, or {@code null}
     */
    record Answered(long atMicros, @Nullable String invokedVariant) implements CassetteEvent {}

    /**
     * A frame the client sent.
     *
     * @param atMicros microseconds since the start
     * @param frame the frame, payload included
     */
    record Request(long atMicros, Frame frame) implements CassetteEvent {
        public Request {
            Objects.requireNonNull(frame, "frame");
        }
    }

    /**
     * A frame the service sent.
     *
     * @param atMicros microseconds since the start
     * @param frame the frame, payload included
     */
    record Response(long atMicros, Frame frame) implements CassetteEvent {
        public Response {
            Objects.requireNonNull(frame, "frame");
        }
    }

    /**
     * The client ended its side of the stream (the half-close).
     *
     * @param atMicros microseconds since the start
     */
    record RequestsCompleted(long atMicros) implements CassetteEvent {}

    /**
     * The exchange ended; always the last line.
     *
     * @param atMicros microseconds since the start
     * @param outcome how it ended
     * @param error what failed, for {@link Outcome#ERROR}
     */
    record End(long atMicros, Outcome outcome, @Nullable RecordedError error) implements CassetteEvent {
        public End {
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
