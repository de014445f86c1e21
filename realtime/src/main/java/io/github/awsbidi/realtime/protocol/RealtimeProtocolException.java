package io.github.awsbidi.realtime.protocol;

import org.jspecify.annotations.Nullable;

/**
 * A client event the façade refuses, sent back as an {@code error} event ({@code invalid_request_error}) while the
 * socket stays open.
 */
public final class RealtimeProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final @Nullable String param;
    private final @Nullable String eventId;

    /**
     * @param code machine-readable reason, e.g. {@code invalid_value}, {@code unknown_event_type}
     * @param param the offending field's path, e.g. {@code session.audio.input.format.rate}; null when no field is
     *     to blame
     * @param eventId the client event's {@code event_id}, when it had one
     * @param message what is wrong and what is allowed
     */
    public RealtimeProtocolException(String code, @Nullable String param, @Nullable String eventId, String message) {
        super(message);
        this.code = code;
        this.param = param;
        this.eventId = eventId;
    }

    /** Machine-readable reason. */
    public String code() {
        return code;
    }

    /** The offending field's path, or null. */
    public @Nullable String param() {
        return param;
    }

    /** The client event's {@code event_id}, or null. */
    public @Nullable String eventId() {
        return eventId;
    }

    /** The {@code error} server event describing this refusal. */
    public ServerEvent.Error toEvent() {
        return ServerEvent.error("invalid_request_error", code, String.valueOf(getMessage()), param, eventId);
    }
}
