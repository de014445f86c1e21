package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.core.client.ConnectionSettings;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;

/**
 * {@link AwsBidiConnectionDetails} from {@code aws.bidi.region} and {@code aws.bidi.endpoint}, falling back to the
 * application's {@link AwsRegionProvider} and {@link AwsCredentialsProvider} beans when it has them.
 */
public class PropertiesAwsBidiConnectionDetails implements AwsBidiConnectionDetails {

    private final AwsBidiProperties properties;

    private final @Nullable AwsRegionProvider regionProvider;

    private final @Nullable AwsCredentialsProvider credentialsProvider;

    /**
     * @param properties the bound {@code aws.bidi.*} properties
     * @param regionProvider the application's region provider bean, if any
     * @param credentialsProvider the application's credentials provider bean, if any
     */
    public PropertiesAwsBidiConnectionDetails(
            AwsBidiProperties properties,
            @Nullable AwsRegionProvider regionProvider,
            @Nullable AwsCredentialsProvider credentialsProvider) {
        this.properties = properties;
        this.regionProvider = regionProvider;
        this.credentialsProvider = credentialsProvider;
    }

    @Override
    public @Nullable URI endpoint() {
        return properties.getEndpoint();
    }

    @Override
    public @Nullable Region region() {
        String region = properties.getRegion();
        if (region != null && !region.isBlank()) {
            return Region.of(region.trim());
        }
        return regionProvider != null ? regionProvider.getRegion() : null;
    }

    @Override
    public @Nullable AwsCredentialsProvider credentialsProvider() {
        return credentialsProvider;
    }

    /** The session's own region and endpoint when it has them, else the global ones. */
    @Override
    public ConnectionSettings sessionConnection(String sessionName) {
        String sessionRegion = null;
        URI sessionEndpoint = null;
        AwsBidiProperties.SageMakerSession sageMaker =
                properties.getSagemaker().getSessions().get(sessionName);
        AwsBidiProperties.BedrockSession bedrock =
                properties.getBedrock().getSessions().get(sessionName);
        if (sageMaker != null) {
            sessionRegion = sageMaker.getRegion();
            sessionEndpoint = sageMaker.getEndpoint();
        } else if (bedrock != null) {
            sessionRegion = bedrock.getRegion();
            sessionEndpoint = bedrock.getEndpoint();
        } else {
            AwsBidiProperties.PollySession polly =
                    properties.getPolly().getSessions().get(sessionName);
            if (polly != null) {
                sessionRegion = polly.getRegion();
                sessionEndpoint = polly.getEndpoint();
            }
        }
        Region region = sessionRegion != null && !sessionRegion.isBlank() ? Region.of(sessionRegion.trim()) : region();
        return new ConnectionSettings(
                region, sessionEndpoint != null ? sessionEndpoint : endpoint(), credentialsProvider());
    }
}
