package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.core.client.ConnectionSettings;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Where each configured session connects: what the {@link AwsBidiConnectionDetails} say for it, with the region
 * resolved here rather than left to the SDK, so that a missing one fails startup with the properties that would fix
 * it. A pure function of the details and the sessions' definitions: the session beans and the health checks ask it
 * the same question and get the same answer, in any order.
 */
public final class SessionConnections {

    private final AwsBidiConnectionDetails details;

    private final SessionDefinitions definitions;

    private final AwsRegionProvider regionChain;

    SessionConnections(
            AwsBidiConnectionDetails details, SessionDefinitions definitions, AwsRegionProvider regionChain) {
        this.details = details;
        this.definitions = definitions;
        this.regionChain = regionChain;
    }

    /** Connections with the SDK's default region chain as the last resort. */
    static SessionConnections of(AwsBidiConnectionDetails details, SessionDefinitions definitions) {
        return new SessionConnections(
                details, definitions, DefaultAwsRegionProviderChain.builder().build());
    }

    SessionDefinitions definitions() {
        return definitions;
    }

    /** The connection of the configured session of that name, or empty if no session of that name is configured. */
    public Optional<ConnectionSettings> find(String sessionName) {
        String prefix = definitions.prefixOf(sessionName);
        return prefix != null ? Optional.of(resolve(prefix, sessionName)) : Optional.empty();
    }

    /** The connection of the configured session of that name. */
    ConnectionSettings forSession(String sessionName) {
        return find(sessionName).orElseThrow(() -> new IllegalArgumentException("no session '" + sessionName + "'"));
    }

    private ConnectionSettings resolve(String prefix, String sessionName) {
        ConnectionSettings connection = details.sessionConnection(sessionName);
        return connection.region() != null ? connection : connection.withRegion(chainRegion(prefix));
    }

    private Region chainRegion(String prefix) {
        try {
            return regionChain.getRegion();
        } catch (SdkClientException ex) {
            throw new AwsBidiConfigurationException(
                    "aws.bidi.region",
                    "No AWS region for session " + prefix + ": aws.bidi.region and " + prefix + ".region are not set, "
                            + "there is no AwsRegionProvider bean, and the AWS SDK's region chain found none ("
                            + ex.getMessage() + ").",
                    "Set aws.bidi.region (or " + prefix + ".region), or the AWS_REGION environment variable.",
                    ex);
        }
    }
}
