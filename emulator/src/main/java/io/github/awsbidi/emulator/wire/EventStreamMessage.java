package io.github.awsbidi.emulator.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event-stream message: headers in wire order and a payload. The payload array is shared,
 * not copied: treat it as read-only.
 *
 * @param headers headers in the order they appear on the wire
 * @param payload message payload, possibly empty
 */
public record EventStreamMessage(List<Header> headers, byte[] payload) {

    public static final String MESSAGE_TYPE = ":message-type";
    public static final String EVENT_TYPE = ":event-type";
    public static final String EXCEPTION_TYPE = ":exception-type";
    public static final String CONTENT_TYPE = ":content-type";
    public static final String ERROR_CODE = ":error-code";
    public static final String ERROR_MESSAGE = ":error-message";

    public EventStreamMessage {
        headers = List.copyOf(headers);
        Objects.requireNonNull(payload, "payload");
    }

    /** An {@code event} message with {@code :event-type} and {@code :content-type} headers. */
    public static EventStreamMessage event(String eventType, String contentType, byte[] payload) {
        return new EventStreamMessage(
                List.of(
                        Header.string(MESSAGE_TYPE, "event"),
                        Header.string(EVENT_TYPE, eventType),
                        Header.string(CONTENT_TYPE, contentType)),
                payload);
    }

    /** An {@code exception} message (a modeled service exception) with a JSON payload. */
    public static EventStreamMessage exception(String exceptionType, byte[] jsonPayload) {
        return new EventStreamMessage(
                List.of(
                        Header.string(MESSAGE_TYPE, "exception"),
                        Header.string(EXCEPTION_TYPE, exceptionType),
                        Header.string(CONTENT_TYPE, "application/json")),
                jsonPayload);
    }

    /** An {@code error} message (an unmodeled error) carrying its code and text in headers. */
    public static EventStreamMessage error(String errorCode, String errorMessage) {
        return new EventStreamMessage(
                List.of(
                        Header.string(MESSAGE_TYPE, "error"),
                        Header.string(ERROR_CODE, errorCode),
                        Header.string(ERROR_MESSAGE, errorMessage)),
                new byte[0]);
    }

    /** The first header with this name. */
    public Optional<Header> header(String name) {
        for (Header header : this.headers) {
            if (header.name().equals(name)) {
                return Optional.of(header);
            }
        }
        return Optional.empty();
    }

    /**
     * The value of the first header with this name.
     * @throws IllegalStateException if that header is not a string
     */
    public Optional<String> stringHeader(String name) {
        return header(name).map(Header::stringValue);
    }

    /** A copy with one more header appended after the existing ones. */
    public EventStreamMessage withHeader(Header header) {
        List<Header> more = new ArrayList<>(this.headers.size() + 1);
        more.addAll(this.headers);
        more.add(header);
        return new EventStreamMessage(more, this.payload);
    }

    /** The payload decoded as UTF-8 (for logs and JSON payloads). */
    public String payloadAsString() {
        return new String(this.payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventStreamMessage that
                && this.headers.equals(that.headers)
                && Arrays.equals(this.payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * this.headers.hashCode() + Arrays.hashCode(this.payload);
    }

    @Override
    public String toString() {
        return "EventStreamMessage" + this.headers + "[payload " + this.payload.length + " bytes]";
    }
}
