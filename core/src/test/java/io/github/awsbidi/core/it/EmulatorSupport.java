package io.github.awsbidi.core.it;

import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.client.HttpClientSettings;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Two emulators per test class, one plaintext h2c and one TLS with ALPN, and a client factory for each, so every
 * test can run over both {@link Wire}s with real SDK clients and real loopback sockets.
 */
abstract class EmulatorSupport {

    /** How the SDK client reaches the emulator. */
    enum Wire {
        H2C,
        TLS
    }

    private static final Map<Wire, BidiEmulator> EMULATORS = new EnumMap<>(Wire.class);
    private static final Map<Wire, BidiClientFactory> FACTORIES = new EnumMap<>(Wire.class);
    private static final Map<Wire, ConnectionSettings> CONNECTIONS = new EnumMap<>(Wire.class);

    @BeforeAll
    static void startEmulators() {
        for (Wire wire : Wire.values()) {
            BidiEmulator emulator = BidiEmulator.start(
                    EmulatorConfig.builder().tls(wire == Wire.TLS).build());
            EMULATORS.put(wire, emulator);
            FACTORIES.put(
                    wire,
                    BidiClientFactory.builder()
                            .httpSettings(HttpClientSettings.defaults().withTlsTrustManagers(emulator::trustManagers))
                            .build());
            CONNECTIONS.put(
                    wire,
                    new ConnectionSettings(
                            Region.of(emulator.region()),
                            emulator.endpoint(),
                            StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey()))));
        }
    }

    @AfterAll
    static void stopEmulators() {
        FACTORIES.values().forEach(BidiClientFactory::close);
        EMULATORS.values().forEach(BidiEmulator::close);
        FACTORIES.clear();
        EMULATORS.clear();
        CONNECTIONS.clear();
    }

    static BidiEmulator emulator(Wire wire) {
        return EMULATORS.get(wire);
    }

    static BidiClientFactory factory(Wire wire) {
        return FACTORIES.get(wire);
    }

    static ConnectionSettings connection(Wire wire) {
        return CONNECTIONS.get(wire);
    }

    static void reconfigure(Wire wire, UnaryOperator<EmulatorConfig.Builder> change) {
        emulator(wire).reconfigure(change);
    }

    static SageMakerSession sageMaker(Wire wire, SageMakerSessionSettings settings, SessionOptions options) {
        return SageMakerSession.create(
                "sm-" + settings.endpointName(), factory(wire).sageMaker(connection(wire)), settings, options);
    }

    static SageMakerSession sageMaker(Wire wire, String endpointName) {
        return sageMaker(wire, SageMakerSessionSettings.of(endpointName), SessionOptions.defaults());
    }

    static BedrockSession bedrock(Wire wire, String modelId, SessionOptions options) {
        return BedrockSession.create(
                "br-" + modelId, factory(wire).bedrock(connection(wire)), BedrockSessionSettings.of(modelId), options);
    }
}
