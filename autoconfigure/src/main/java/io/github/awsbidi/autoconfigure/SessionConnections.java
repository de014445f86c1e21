package io.github.awsbidi.autoconfigure;

import java.net.URI;

import io.github.awsbidi.core.client.ConnectionSettings;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Decides each session's region, endpoint and credentials. A service's {@link AwsBidiConnectionDetails} (any bean
 * but the properties-backed one) wins, then the session's own properties, then the properties-backed defaults
 * (global {@code aws.bidi.*}, then the user's provider beans), then the SDK's default chains. The region is
 * resolved here rather than left to the SDK, so that a missing one fails startup with the properties that would fix
 * it.
 */
final class SessionConnections {

    private final @Nullable AwsBidiConnectionDetails service;

    private final AwsBidiConnectionDetails defaults;

    private final AwsRegionProvider regionChain;

    SessionConnections(AwsBidiConnectionDetails details, AwsBidiConnectionDetails defaults,
            AwsRegionProvider regionChain) {
        this.service = details instanceof PropertiesAwsBidiConnectionDetails ? null : details;
        this.defaults = defaults;
        this.regionChain = regionChain;
    }

    /** Connections with the SDK's default region chain as the last resort. */
    static SessionConnections of(AwsBidiConnectionDetails details, AwsBidiConnectionDetails defaults) {
        return new SessionConnections(details, defaults, DefaultAwsRegionProviderChain.builder().build());
    }

    /** The connection of the session configured under {@code prefix} with its own region and endpoint. */
    ConnectionSettings forSession(String prefix, @Nullable String sessionRegion, @Nullable URI sessionEndpoint) {
        URI endpoint = first(service != null ? service.endpoint() : null, sessionEndpoint, defaults.endpoint());
        Region region = first(service != null ? service.region() : null,
                sessionRegion != null ? Region.of(sessionRegion) : null, defaults.region());
        if (region == null) {
            region = chainRegion(prefix);
        }
        return new ConnectionSettings(region, endpoint,
                first(service != null ? service.credentialsProvider() : null, defaults.credentialsProvider()));
    }

    private Region chainRegion(String prefix) {
        try {
            return regionChain.getRegion();
        }
        catch (SdkClientException ex) {
            throw new AwsBidiConfigurationException("aws.bidi.region",
                    "No AWS region for session " + prefix + ": aws.bidi.region and " + prefix + ".region are not set, "
                            + "there is no AwsRegionProvider bean, and the AWS SDK's region chain found none ("
                            + ex.getMessage() + ").",
                    "Set aws.bidi.region (or " + prefix + ".region), or the AWS_REGION environment variable.", ex);
        }
    }

    @SafeVarargs
    private static <T> @Nullable T first(@Nullable T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
