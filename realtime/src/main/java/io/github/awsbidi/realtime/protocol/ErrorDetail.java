package io.github.awsbidi.realtime.protocol;

import org.jspecify.annotations.Nullable;

/**
 * The {@code error} object of an {@code error} event or a handshake refusal.
 *
 * @param type e.g. {@code invalid_request_error}, {@code server_error}
 * @param code machine-readable reason
 * @param message for humans
 * @param param the offending field, when there is one
 * @param eventId the client event that caused it, when known
 */
public record ErrorDetail(
        String type,
        @Nullable String code,
        String message,
        @Nullable String param,
        @Nullable String eventId) {}
