package io.github.awsbidi.sample;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the sample's sockets: the browser sockets ({@code /transcriber/ws}, {@code /speaker/ws},
 * {@code /ws/*}; the voice agent's {@code /v1/realtime} is the façade's, with its own admission) and the phone's {@code /twilio/media}. Each limit is a cost limit: every open
 * socket holds a paid model stream.
 *
 * @param allowedOrigins origins (e.g. {@code https://app.example.com}) whose pages may open the sockets besides the
 *     application's own origin, which is always allowed; empty allows the same origin only
 * @param maxConversationsPerClient sockets one client (the logged-in user, else the client address) may hold open at
 *     once on each of them (default 4); one more is refused with 429
 * @param maxCallDuration longest a socket may stay open (default 15 minutes); then it is closed with 1008
 * @param idleTimeout longest a socket may go without a message either way (default 2 minutes); then it is closed
 *     with 1008
 * @param maxMessageSize largest message a client may send (default 64KB); a larger one closes the socket with 1009
 */
@ConfigurationProperties("sample.web")
public record WebProperties(
        @Nullable List<String> allowedOrigins,
        @Nullable Integer maxConversationsPerClient,
        @Nullable Duration maxCallDuration,
        @Nullable Duration idleTimeout,
        @Nullable DataSize maxMessageSize) {

    /** Default of {@code sample.web.max-conversations-per-client}. */
    static final int DEFAULT_MAX_CONVERSATIONS_PER_CLIENT = 4;

    /** Default of {@code sample.web.max-call-duration}. */
    static final Duration DEFAULT_MAX_CALL_DURATION = Duration.ofMinutes(15);

    /** Default of {@code sample.web.idle-timeout}. */
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(2);

    /** Default of {@code sample.web.max-message-size}: Reactor Netty's own frame limit. */
    static final DataSize DEFAULT_MAX_MESSAGE_SIZE = DataSize.ofKilobytes(64);

    public WebProperties {
        if (maxConversationsPerClient == null) {
            maxConversationsPerClient = DEFAULT_MAX_CONVERSATIONS_PER_CLIENT;
        }
        if (maxConversationsPerClient < 1) {
            throw new IllegalArgumentException(
                    "sample.web.max-conversations-per-client must be at least 1, was " + maxConversationsPerClient);
        }
        maxCallDuration = positive("sample.web.max-call-duration", maxCallDuration, DEFAULT_MAX_CALL_DURATION);
        idleTimeout = positive("sample.web.idle-timeout", idleTimeout, DEFAULT_IDLE_TIMEOUT);
        if (maxMessageSize == null) {
            maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        }
        if (maxMessageSize.toBytes() < 1024 || maxMessageSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "sample.web.max-message-size must be between 1KB and 2GB, was " + maxMessageSize);
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

    /** Settings with the given origins and per-client limit, and the default duration, idle and size limits. */
    static WebProperties of(@Nullable List<String> allowedOrigins, @Nullable Integer maxConversationsPerClient) {
        return new WebProperties(allowedOrigins, maxConversationsPerClient, null, null, null);
    }

    private static Duration positive(String property, @Nullable Duration value, Duration fallback) {
        Duration duration = value == null ? fallback : value;
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(property + " must be positive, was " + duration);
        }
        return duration;
    }

    @Override
    public Integer maxConversationsPerClient() {
        return maxConversationsPerClient == null ? DEFAULT_MAX_CONVERSATIONS_PER_CLIENT : maxConversationsPerClient;
    }

    @Override
    public List<String> allowedOrigins() {
        return allowedOrigins == null ? List.of() : allowedOrigins;
    }

    @Override
    public Duration maxCallDuration() {
        return maxCallDuration == null ? DEFAULT_MAX_CALL_DURATION : maxCallDuration;
    }

    @Override
    public Duration idleTimeout() {
        return idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
    }

    @Override
    public DataSize maxMessageSize() {
        return maxMessageSize == null ? DEFAULT_MAX_MESSAGE_SIZE : maxMessageSize;
    }
}
