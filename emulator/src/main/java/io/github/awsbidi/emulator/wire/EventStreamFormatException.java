package io.github.awsbidi.emulator.wire;

/** Bytes that are not a valid event-stream message, or a message that cannot be encoded. */
public final class EventStreamFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EventStreamFormatException(String message) {
        super(message);
    }
}
