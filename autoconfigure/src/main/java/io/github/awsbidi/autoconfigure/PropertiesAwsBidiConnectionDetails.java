package io.github.awsbidi.autoconfigure;

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

    public PropertiesAwsBidiConnectionDetails(AwsBidiProperties properties, @Nullable AwsRegionProvider regionProvider,
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
}
