package io.github.awsbidi.novasonic;

import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.config.BedrockModel;
import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.novasonic.NovaSonicOptions;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** An emulator serving the scripted Nova 2 Sonic and Nova 2.5 Sonic (h2c), and a real Bedrock session pointed at it over loopback. */
final class EmulatedNovaSonic implements AutoCloseable {

    final BidiEmulator emulator;
    private final BidiClientFactory clients;
    final BedrockSession session;

    private EmulatedNovaSonic(NovaSonicOptions options, Faults faults) {
        this.emulator = BidiEmulator.start(EmulatorConfig.builder()
                .bedrockModel(
                        EmulatorConfig.NOVA_2_SONIC,
                        BedrockModel.scriptedNovaSonic().withNovaSonic(options).withFaults(faults))
                .bedrockModel(
                        EmulatorConfig.NOVA_2_5_SONIC,
                        BedrockModel.scriptedNovaSonic().withNovaSonic(options).withFaults(faults))
                .build());
        this.clients = BidiClientFactory.create();
        ConnectionSettings connection = ConnectionSettings.defaults()
                .withRegion(Region.of(emulator.region()))
                .withEndpointOverride(emulator.endpoint())
                .withCredentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())));
        this.session = BedrockSession.create(
                "assistant", clients.bedrock(connection), BedrockSessionSettings.of(EmulatorConfig.NOVA_2_SONIC));
    }

    /** The scripted model with {@code options}, sped up unless the options say otherwise. */
    static EmulatedNovaSonic start(UnaryOperator<NovaSonicOptions.Builder> options) {
        return start(options, Faults.none());
    }

    /** The same, with faults injected into its streams. */
    static EmulatedNovaSonic start(UnaryOperator<NovaSonicOptions.Builder> options, Faults faults) {
        return new EmulatedNovaSonic(
                options.apply(NovaSonicOptions.builder().timeScale(0.05)).build(), faults);
    }

    /** Another session on the same emulator whose client signs with {@code credentials}. */
    BedrockSession session(AwsCredentialsProvider credentials) {
        ConnectionSettings connection = ConnectionSettings.defaults()
                .withRegion(Region.of(emulator.region()))
                .withEndpointOverride(emulator.endpoint())
                .withCredentialsProvider(credentials);
        return BedrockSession.create(
                "assistant", clients.bedrock(connection), BedrockSessionSettings.of(EmulatorConfig.NOVA_2_5_SONIC));
    }

    NovaSonic novaSonic(NovaSonicSettings settings) {
        return NovaSonic.create(session, settings);
    }

    /** Changes the model's options for streams opened from now on. */
    void reconfigure(UnaryOperator<NovaSonicOptions.Builder> change) {
        emulator.reconfigure(config -> config.bedrockModel(
                EmulatorConfig.NOVA_2_SONIC,
                model -> model.withNovaSonic(
                        change.apply(model.novaSonic().toBuilder()).build())));
    }

    @Override
    public void close() {
        clients.close();
        emulator.close();
    }
}
