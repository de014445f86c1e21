package io.github.awsbidi.emulator.stream;

/**
 * How a stream ends. Handlers fire one as a user event; the {@link OperationBridge} cancels the operation
 * on the way when the end is not the operation's own, and the {@link StreamTerminator} writes it. Exceptions
 * end a stream too: the terminator turns them into a {@link Failed}.
 */
sealed interface StreamEnd {

    /** The response ends cleanly (END_STREAM). */
    record Completed() implements StreamEnd {}

    /**
     * An AWS error: before the response headers, an HTTP error response with the JSON body
     * {@code {"message": …}}; after them, an error message ({@code :message-type error}) and END_STREAM.
     */
    record Failed(String errorType, String message) implements StreamEnd {}

    /** A resolver's or an open fault's HTTP error response, body as given (never after the response headers). */
    record Rejected(OpenDecision.Reject rejection) implements StreamEnd {}

    /** A modeled exception event ({@code :message-type exception}), then END_STREAM. */
    record FailedWithException(String exceptionType, byte[] jsonPayload) implements StreamEnd {}

    /** RST_STREAM (INTERNAL_ERROR), after whatever response data is already queued. */
    record Reset() implements StreamEnd {}

    /** The whole TCP connection is closed. */
    record ConnectionClosed() implements StreamEnd {}

    /** The client reset the stream or its connection went away. */
    record ClientGone() implements StreamEnd {}
}
