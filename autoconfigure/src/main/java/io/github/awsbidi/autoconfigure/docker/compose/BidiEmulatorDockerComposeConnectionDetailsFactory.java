package io.github.awsbidi.autoconfigure.docker.compose;

import io.github.awsbidi.autoconfigure.AwsBidiConnectionDetails;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * {@link AwsBidiConnectionDetails} from a Compose service whose image is {@code aws-bidi-emulator} (any tag), or
 * a copy labelled {@code org.springframework.boot.service-connection: aws-bidi-emulator}: plaintext HTTP/2 on the host port mapped to 8080, the keys from the service's
 * {@code AWS_BIDI_EMULATOR_CREDENTIALS} ({@code KEY:SECRET}, else the emulator's default {@code test:test}) and the
 * region from its {@code AWS_REGION} (else {@code us-east-1}; the emulator accepts any).
 */
final class BidiEmulatorDockerComposeConnectionDetailsFactory
        extends DockerComposeConnectionDetailsFactory<AwsBidiConnectionDetails> {

    static final String IMAGE_NAME = "aws-bidi-emulator";

    BidiEmulatorDockerComposeConnectionDetailsFactory() {
        super(IMAGE_NAME, "software.amazon.awssdk.auth.credentials.AwsCredentialsProvider");
    }

    @Override
    protected AwsBidiConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
        return new BidiEmulatorDockerComposeConnectionDetails(source.getRunningService());
    }

    /** Values read once, when the service is up. */
    static final class BidiEmulatorDockerComposeConnectionDetails extends DockerComposeConnectionDetails
            implements AwsBidiConnectionDetails {

        static final int PORT = 8080;

        static final String CREDENTIALS_VARIABLE = "AWS_BIDI_EMULATOR_CREDENTIALS";

        private final URI endpoint;

        private final Region region;

        private final AwsCredentialsProvider credentials;

        BidiEmulatorDockerComposeConnectionDetails(RunningService service) {
            super(service);
            this.endpoint = URI.create(
                    "http://" + service.host() + ":" + service.ports().get(PORT));
            Map<String, String> env = service.env();
            this.region = Region.of(env.getOrDefault("AWS_REGION", "us-east-1"));
            this.credentials = StaticCredentialsProvider.create(credentials(env.get(CREDENTIALS_VARIABLE)));
        }

        private static AwsBasicCredentials credentials(@Nullable String value) {
            if (value == null || value.isEmpty()) {
                return AwsBasicCredentials.create("test", "test");
            }
            int colon = value.indexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new IllegalStateException(CREDENTIALS_VARIABLE
                        + " of the aws-bidi-emulator service must be ACCESS_KEY_ID:SECRET_ACCESS_KEY");
            }
            return AwsBasicCredentials.create(value.substring(0, colon), value.substring(colon + 1));
        }

        @Override
        public URI endpoint() {
            return this.endpoint;
        }

        @Override
        public Region region() {
            return this.region;
        }

        @Override
        public AwsCredentialsProvider credentialsProvider() {
            return this.credentials;
        }
    }
}
