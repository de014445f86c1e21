package io.github.awsbidi.realtime.webflux;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the endpoint admits and runs sockets.
 *
 * @param defaultModel the model used when a client sends no {@code ?model=}; null makes {@code ?model=} required
 * @param maxSessionsPerKey concurrent sockets per admitted identity
 * @param maxMessageBytes the largest client message (a base64 audio chunk, a session.update)
 * @param idleTimeout how long a socket may go without a client message before it is closed
 * @param allowedOrigins origins a browser may connect from ({@code Origin} header); empty allows any
 */
public record RealtimeEndpointSettings(
        @Nullable String defaultModel,
        int maxSessionsPerKey,
        int maxMessageBytes,
        Duration idleTimeout,
        List<String> allowedOrigins) {

    public RealtimeEndpointSettings {
        if (maxSessionsPerKey < 1) {
            throw new IllegalArgumentException("maxSessionsPerKey must be at least 1, got " + maxSessionsPerKey);
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1024, got " + maxMessageBytes);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
