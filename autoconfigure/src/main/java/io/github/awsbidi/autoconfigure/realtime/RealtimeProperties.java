package io.github.awsbidi.autoconfigure.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The OpenAI Realtime façade ({@code aws.bidi.realtime.*}): a WebSocket endpoint speaking OpenAI's Realtime GA
 * protocol over the Nova Sonic sessions, off unless enabled.
 */
@ConfigurationProperties("aws.bidi.realtime")
public class RealtimeProperties {

    /** Whether the OpenAI Realtime façade endpoint is served (needs a reactive web application). */
    private boolean enabled;

    /** Path of the WebSocket endpoint. */
    private String path = "/v1/realtime";

    /** Bedrock Nova Sonic session (its name) used when a client sends no ?model=; unset makes ?model= required. */
    private @Nullable String defaultModel;

    /** Keys clients may present (Authorization: Bearer or the openai-insecure-api-key subprotocol). */
    private List<String> apiKeys = new ArrayList<>();

    /**
     * Concurrent sessions one key (or authenticated identity, or user a client secret was issued for) may hold; one
     * more is refused with 429.
     */
    private int maxSessionsPerKey = 10;

    /** Largest client message, e.g. a base64 audio chunk or a session.update; a larger one closes the socket (1009). */
    private DataSize maxMessageSize = DataSize.ofMegabytes(1);

    /** How long a session may go without a message either way before it is closed (1008). */
    private Duration idleTimeout = Duration.ofMinutes(2);

    /** Longest a session may stay open before it is closed (1008): what one call can cost at most. */
    private Duration maxCallDuration = Duration.ofMinutes(30);

    /** Origins a browser may connect from (its Origin header); empty allows any. */
    private List<String> allowedOrigins = new ArrayList<>();

    /** Short-lived client secrets (ek_...) issued at <path>/client_secrets. */
    private final ClientSecrets clientSecrets = new ClientSecrets();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public @Nullable String getDefaultModel() {
        return defaultModel;
    }

    public void setDefaultModel(@Nullable String defaultModel) {
        this.defaultModel = defaultModel;
    }

    public List<String> getApiKeys() {
        return apiKeys;
    }

    public void setApiKeys(List<String> apiKeys) {
        this.apiKeys = apiKeys;
    }

    public int getMaxSessionsPerKey() {
        return maxSessionsPerKey;
    }

    public void setMaxSessionsPerKey(int maxSessionsPerKey) {
        this.maxSessionsPerKey = maxSessionsPerKey;
    }

    public DataSize getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(DataSize maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public Duration getMaxCallDuration() {
        return maxCallDuration;
    }

    public void setMaxCallDuration(Duration maxCallDuration) {
        this.maxCallDuration = maxCallDuration;
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public ClientSecrets getClientSecrets() {
        return clientSecrets;
    }

    /** Client secrets: browsers connect with a short-lived secret instead of the real key. */
    public static class ClientSecrets {

        /**
         * Key (at least 32 characters) that signs client secrets; every instance of a fleet must share it. Unset, each
         * instance makes its own at startup, so only the issuing instance accepts its secrets.
         */
        private @Nullable String signingKey;

        /** How long a client secret lives when the request does not say (expires_after.seconds). */
        private Duration ttl = Duration.ofMinutes(10);

        public @Nullable String getSigningKey() {
            return signingKey;
        }

        public void setSigningKey(@Nullable String signingKey) {
            this.signingKey = signingKey;
        }

        public Duration getTtl() {
            return ttl;
        }

        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }
    }
}
