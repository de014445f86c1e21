package io.github.awsbidi.autoconfigure.emulator;

import io.github.awsbidi.autoconfigure.AwsBidiConnectionDetails;
import io.github.awsbidi.emulator.BidiEmulator;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.regions.Region;

/** {@link AwsBidiConnectionDetails} of a running {@link BidiEmulator}: its endpoint, region, test keys and trust. */
final class EmulatorConnectionDetails implements AwsBidiConnectionDetails {

    private final BidiEmulator emulator;

    // One instance, so that every session shares one client per service.
    private final AwsCredentialsProvider credentials;

    EmulatorConnectionDetails(BidiEmulator emulator) {
        this.emulator = emulator;
        this.credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey()));
    }

    @Override
    public URI endpoint() {
        return emulator.endpoint();
    }

    @Override
    public Region region() {
        return Region.of(emulator.region());
    }

    @Override
    public AwsCredentialsProvider credentialsProvider() {
        return credentials;
    }

    @Override
    public @Nullable TlsTrustManagersProvider trustManagers() {
        return emulator.tls() ? emulator::trustManagers : null;
    }
}
