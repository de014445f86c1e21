package io.github.awsbidi.core.client;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * Where and as whom a client connects; together with the service, the key under which
 * {@link BidiClientFactory} shares clients. {@code null} means the SDK's default chain (region, credentials) or the
 * service's public endpoint. Credentials providers are compared by identity unless they define equality, so pass
 * the same provider instance to share a client.
 *
 * @param region the region, or {@code null} for the SDK's region provider chain (never a hard-coded default)
 * @param endpointOverride an endpoint such as a local emulator's {@code http://127.0.0.1:port}, or {@code null}
 * @param credentialsProvider the credentials, or {@code null} for the SDK's default chain
 */
public record ConnectionSettings(
        @Nullable Region region,
        @Nullable URI endpointOverride,
        @Nullable AwsCredentialsProvider credentialsProvider) {

    private static final ConnectionSettings DEFAULTS = new ConnectionSettings(null, null, null);

    /** The SDK's default region and credentials chains, the public endpoint. */
    public static ConnectionSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Sets what these settings say on an SDK client builder (region, endpoint override, credentials), leaving the
     * builder's defaults where they say nothing. Any AWS client reaching the same place as a session (e.g. a
     * control-plane client for health checks) is configured with it.
     */
    public <B extends AwsClientBuilder<?, ?>> B applyTo(B builder) {
        if (region != null) {
            builder.region(region);
        }
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        if (credentialsProvider != null) {
            builder.credentialsProvider(credentialsProvider);
        }
        return builder;
    }

    /** These settings in another region. */
    public ConnectionSettings withRegion(@Nullable Region region) {
        return new ConnectionSettings(region, endpointOverride, credentialsProvider);
    }

    /** These settings against another endpoint. */
    public ConnectionSettings withEndpointOverride(@Nullable URI endpointOverride) {
        return new ConnectionSettings(region, endpointOverride, credentialsProvider);
    }

    /** These settings with other credentials. */
    public ConnectionSettings withCredentialsProvider(@Nullable AwsCredentialsProvider credentialsProvider) {
        return new ConnectionSettings(region, endpointOverride, credentialsProvider);
    }
}
