package io.github.awsbidi.emulator.stream;

/**
 * Thrown by a handler that refuses what the client sent (a bad signature, a malformed envelope); the
 * pipeline carries it to the {@link StreamTerminator}, which answers it like any other {@link StreamEnd.Failed}.
 */
final class StreamRejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient StreamEnd.Failed failure;

    StreamRejection(String errorType, String message) {
        super(message, null, false, false);
        this.failure = new StreamEnd.Failed(errorType, message);
    }

    StreamEnd.Failed failure() {
        return failure;
    }
}
