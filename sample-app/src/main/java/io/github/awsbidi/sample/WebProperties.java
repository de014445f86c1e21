package io.github.awsbidi.sample;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the browser sockets ({@code /transcriber/ws}, {@code /speaker/ws}, {@code /ws/*}; the voice agent's
 * {@code /v1/realtime} is the façade's, with its own admission).
 *
 * @param allowedOrigins origins (e.g. {@code https://app.example.com}) whose pages may open the sockets besides the
 *     application's own origin, which is always allowed; empty allows the same origin only
 * @param maxConversationsPerClient sockets one client address may hold open at once on each of them (default 4);
 *     one more is refused with 429
 */
@ConfigurationProperties("sample.web")
public record WebProperties(
        @Nullable List<String> allowedOrigins, @Nullable Integer maxConversationsPerClient) {

    /** Default of {@code sample.web.max-conversations-per-client}. */
    static final int DEFAULT_MAX_CONVERSATIONS_PER_CLIENT = 4;

    public WebProperties {
        if (maxConversationsPerClient == null) {
            maxConversationsPerClient = DEFAULT_MAX_CONVERSATIONS_PER_CLIENT;
        }
        if (maxConversationsPerClient < 1) {
            throw new IllegalArgumentException(
                    "sample.web.max-conversations-per-client must be at least 1, was " + maxConversationsPerClient);
        }
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        for (String origin : allowedOrigins) {
            URI uri;
            try {
                uri = URI.create(origin);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null
                    || uri.getScheme() == null
                    || uri.getHost() == null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
                throw new IllegalArgumentException("sample.web.allowed-origins entries must be origins like "
                        + "https://app.example.com (scheme, host, optional port, no path), was '" + origin + "'");
            }
        }
    }

    @Override
    public Integer maxConversationsPerClient() {
        return maxConversationsPerClient == null ? DEFAULT_MAX_CONVERSATIONS_PER_CLIENT : maxConversationsPerClient;
    }

    @Override
    public List<String> allowedOrigins() {
        return allowedOrigins == null ? List.of() : allowedOrigins;
    }
}
