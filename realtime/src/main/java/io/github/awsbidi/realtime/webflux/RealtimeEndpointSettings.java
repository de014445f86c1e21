package io.github.awsbidi.realtime.webflux;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the endpoint admits and runs sockets.
 *
 * @param defaultModel the model used when a client sends no {@code ?model=}; null makes {@code ?model=} required
 * @param maxSessionsPerKey concurrent sockets per admitted identity: a key, or the subject a client secret was issued
 *     for ({@link RealtimeEndpoint#SECRET_SUBJECT})
 * @param limits each socket's largest message, idle timeout and maximum call duration
 * @param allowedOrigins origins a browser may connect from ({@code Origin} header); empty allows any
 */
public record RealtimeEndpointSettings(
        @Nullable String defaultModel, int maxSessionsPerKey, SocketLimits.Limits limits, List<String> allowedOrigins) {

    public RealtimeEndpointSettings {
        if (maxSessionsPerKey < 1) {
            throw new IllegalArgumentException("maxSessionsPerKey must be at least 1, got " + maxSessionsPerKey);
        }
        Objects.requireNonNull(limits, "limits");
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
