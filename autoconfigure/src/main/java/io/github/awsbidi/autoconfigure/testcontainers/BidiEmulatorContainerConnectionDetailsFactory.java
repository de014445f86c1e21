package io.github.awsbidi.autoconfigure.testcontainers;

import io.github.awsbidi.autoconfigure.AwsBidiConnectionDetails;
import io.github.awsbidi.testcontainers.BidiEmulatorContainer;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.regions.Region;

/**
 * {@link AwsBidiConnectionDetails} from a {@code @ServiceConnection} {@link BidiEmulatorContainer}: its endpoint on
 * the mapped port, its region and keys, and trust in its certificate when it serves TLS.
 */
final class BidiEmulatorContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<BidiEmulatorContainer, AwsBidiConnectionDetails> {

    BidiEmulatorContainerConnectionDetailsFactory() {
        super(ANY_CONNECTION_NAME, "io.github.awsbidi.testcontainers.BidiEmulatorContainer");
    }

    @Override
    protected AwsBidiConnectionDetails getContainerConnectionDetails(
            ContainerConnectionSource<BidiEmulatorContainer> source) {
        return new BidiEmulatorContainerConnectionDetails(source);
    }

    /** Read from the container once it has started (the mapped port and certificate exist only then). */
    static final class BidiEmulatorContainerConnectionDetails extends ContainerConnectionDetails<BidiEmulatorContainer>
            implements AwsBidiConnectionDetails {

        private volatile @Nullable AwsCredentialsProvider credentials;

        BidiEmulatorContainerConnectionDetails(ContainerConnectionSource<BidiEmulatorContainer> source) {
            super(source);
        }

        @Override
        public URI endpoint() {
            return getContainer().getEndpoint();
        }

        @Override
        public Region region() {
            return Region.of(getContainer().getRegion());
        }

        @Override
        public AwsCredentialsProvider credentialsProvider() {
            // One instance, so that every session shares one client per service.
            AwsCredentialsProvider current = this.credentials;
            if (current == null) {
                BidiEmulatorContainer container = getContainer();
                current = StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(container.getAccessKeyId(), container.getSecretAccessKey()));
                this.credentials = current;
            }
            return current;
        }

        @Override
        public @Nullable TlsTrustManagersProvider trustManagers() {
            BidiEmulatorContainer container = getContainer();
            return container.isTls() ? container::getTrustManagers : null;
        }
    }
}
