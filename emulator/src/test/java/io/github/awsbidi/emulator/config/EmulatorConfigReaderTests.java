package io.github.awsbidi.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.auth.AwsCredential;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON configuration format, read from the same full example docs/emulator.md shows. */
class EmulatorConfigReaderTests {

    private static String fullExample() throws IOException {
        try (InputStream in = EmulatorConfigReaderTests.class.getResourceAsStream("full-example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheFullExampleFromAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("emulator.json"), fullExample());

        EmulatorConfig config = EmulatorConfigReader.read(file);

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.tls()).isFalse();
        assertThat(config.credentials())
                .containsExactly(new AwsCredential("test", "test"), new AwsCredential("AKIDCI", "ci-secret"));
        assertThat(config.containerConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.containerCloseTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.idleConnectionTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.maxConcurrentStreams()).isEqualTo(128);
        assertThat(config.eventLoopThreads()).isZero();
    }

    @Test
    void readsEndpointsWithVariantsAndFaults() throws IOException {
        EmulatorConfig config = EmulatorConfigReader.parse(fullExample());

        SageMakerEndpoint endpoint = config.sagemakerEndpoint("speech-to-text").orElseThrow();
        assertThat(endpoint.status()).isEqualTo(EndpointStatus.IN_SERVICE);
        assertThat(endpoint.variants())
                .containsExactly(new Variant("blue", "transcribe-sim"), new Variant("green", "ws://127.0.0.1:8080"));
        assertThat(endpoint.variants().get(1).external()).isTrue();
        assertThat(endpoint.faults().firstResponseDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(endpoint.faults().inStreamError())
                .isEqualTo(new InStreamError("ModelStreamError", 100, "container hiccup"));
        assertThat(endpoint.faults().openError()).isEqualTo(new OpenError("ServiceUnavailableError", 1, "warming up"));
        assertThat(config.sagemakerEndpoint("maintenance").orElseThrow().status())
                .isEqualTo(EndpointStatus.UPDATING);
    }

    @Test
    void readsModelsWithNovaSonicOptionsAndFaults() throws IOException {
        EmulatorConfig config = EmulatorConfigReader.parse(fullExample());

        BedrockModel sonic = config.bedrockModel(EmulatorConfig.NOVA_2_SONIC).orElseThrow();
        assertThat(sonic.behaviour()).isEqualTo(BedrockModel.ModelBehaviour.NOVA_SONIC);
        assertThat(sonic.novaSonic().timeScale()).isEqualTo(0.1);
        assertThat(sonic.novaSonic().sessionLimit()).isEqualTo(Duration.ofMinutes(8));
        assertThat(sonic.novaSonic().silenceTimeout()).isEqualTo(Duration.ofSeconds(175));
        assertThat(sonic.novaSonic().toolTriggers()).isEqualTo(Map.of("weather", "getWeather"));
        assertThat(sonic.faults().resetAfterFrames()).isEqualTo(500);
        assertThat(sonic.faults().goAwayAfterFrames()).isEqualTo(1000);
        assertThat(sonic.faults().closeConnectionAfterFrames()).isEqualTo(2000);
        BedrockModel legacy = config.bedrockModel("echo-legacy-v1:0").orElseThrow();
        assertThat(legacy.behaviour()).isEqualTo(BedrockModel.ModelBehaviour.ECHO);
        assertThat(legacy.lifecycle()).isEqualTo(ModelLifecycle.LEGACY);
        assertThat(legacy.faults().openError()).isEqualTo(new OpenError("ThrottlingException", 2, "slow down"));
    }

    @Test
    void anUnknownKeyFailsNamingItsPath() {
        String json = """
                {"sagemaker": {"endpoints": {"asr": {"variants": [{"name": "a", "container": "echo"}],
                  "faults": {"resetAfterFrame": 3}}}}}""";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorConfigReader.parse(json))
                .withMessageContaining("$.sagemaker.endpoints.asr.faults.resetAfterFrame is not a known setting");
    }

    @Test
    void readsTheTlsProviderAndRefusesAnUnknownOneNamingItsPath() {
        assertThat(EmulatorConfigReader.parse("{\"tlsProvider\": \"jdk\"}").tlsProvider())
                .isEqualTo(io.github.awsbidi.emulator.tls.TlsProvider.JDK);
        assertThat(EmulatorConfigReader.parse("{}").tlsProvider())
                .isEqualTo(io.github.awsbidi.emulator.tls.TlsProvider.AUTO);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorConfigReader.parse("{\"tlsProvider\": \"gnutls\"}"))
                .withMessageContaining("$.tlsProvider must be auto, jdk or openssl, was 'gnutls'");
    }

    @Test
    void anUnknownTopLevelKeyFailsNamingItsPath() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorConfigReader.parse("{\"prot\": 8080}"))
                .withMessageContaining("$.prot is not a known setting");
    }

    @Test
    void aBadDurationFailsNamingItsPath() {
        String json = "{\"bedrock\": {\"models\": {\"m\": {\"faults\": {\"firstResponseDelay\": \"soon\"}}}}}";

        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorConfigReader.parse(json))
                .withMessageContaining("$.bedrock.models.m.faults.firstResponseDelay")
                .withMessageContaining("'soon' is not a duration");
    }

    @Test
    void aNonPositiveIdleConnectionTimeoutFailsNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorConfigReader.parse("{\"idleConnectionTimeout\": \"0s\"}"))
                .withMessageContaining("idleConnectionTimeout must be positive");
    }

    @Test
    void readsMaxConcurrentStreamsWhichDefaultsTo128() {
        assertThat(EmulatorConfigReader.parse("{\"maxConcurrentStreams\": 7}").maxConcurrentStreams())
                .isEqualTo(7);
        assertThat(EmulatorConfig.defaults().maxConcurrentStreams()).isEqualTo(128);
    }

    @Test
    void maxConcurrentStreamsBelowOneOrNotAWholeNumberFailsNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorConfigReader.parse("{\"maxConcurrentStreams\": 0}"))
                .withMessageContaining("maxConcurrentStreams must be at least 1, was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorConfigReader.parse("{\"maxConcurrentStreams\": \"many\"}"))
                .withMessageContaining("$.maxConcurrentStreams must be a whole number");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> EmulatorConfig.builder().maxConcurrentStreams(-1).build())
                .withMessageContaining("maxConcurrentStreams must be at least 1, was -1");
    }

    @Test
    void readsEventLoopThreadsWhichDefaultToOnePerProcessor() {
        assertThat(EmulatorConfigReader.parse("{\"eventLoopThreads\": 3}").eventLoopThreads())
                .isEqualTo(3);
        assertThat(EmulatorConfig.defaults().eventLoopThreads()).isZero();
    }

    @Test
    void eventLoopThreadsBelowZeroOrNotAWholeNumberFailNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorConfigReader.parse("{\"eventLoopThreads\": -1}"))
                .withMessageContaining("$.eventLoopThreads must be a whole number from 0 (one per processor)")
                .withMessageEndingWith("was -1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorConfigReader.parse("{\"eventLoopThreads\": 1.5}"))
                .withMessageContaining("$.eventLoopThreads must be a whole number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorConfig.builder().eventLoopThreads(-2).build())
                .withMessageContaining("eventLoopThreads must be at least 0 (0: one per processor), was -2");
    }

    @Test
    void theIdleConnectionTimeoutDefaultsToThirtySeconds() {
        assertThat(EmulatorConfig.defaults().idleConnectionTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anEndpointWithoutVariantsFailsNamingItsPath() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorConfigReader.parse("{\"sagemaker\": {\"endpoints\": {\"e\": {}}}}"))
                .withMessageContaining("$.sagemaker.endpoints.e.variants");
    }

    @Test
    void readsPollysPacingLimitsAndFaultsKeepingTheBuiltInVoices() {
        EmulatorConfig config = EmulatorConfigReader.parse("""
                {"polly": {"timeScale": 0.5, "idleTimeout": "1h", "streamLimit": "PT2M", "synthesisDelay": 0,
                           "speechPerCharacter": "10ms", "audioChunkDuration": "100ms",
                           "faults": {"openError": {"type": "ThrottlingException", "count": 1}}}}
                """);

        assertThat(config.polly())
                .isEqualTo(new PollyOptions(
                        0.5,
                        Duration.ofHours(1),
                        Duration.ofMinutes(2),
                        Duration.ZERO,
                        Duration.ofMillis(10),
                        Duration.ofMillis(100),
                        PollyOptions.BUILT_IN_VOICES,
                        Faults.none().withOpenError("ThrottlingException", 1, "Injected fault")));
        assertThat(EmulatorConfigReader.parse("{\"polly\": {}}").polly()).isEqualTo(PollyOptions.defaults());
    }

    @Test
    void aBadPollySettingFailsNamingItsPath() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorConfigReader.parse("{\"polly\": {\"voices\": []}}"))
                .withMessageContaining("$.polly.voices is not a known setting");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorConfigReader.parse("{\"polly\": {\"audioChunkDuration\": \"5ms\"}}"))
                .withMessageContaining("$.polly: audioChunkDuration must be between 10 ms and 1 s");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorConfigReader.parse("{\"polly\": {\"timeScale\": \"fast\"}}"))
                .withMessageContaining("$.polly.timeScale must be a number > 0");
    }

    @Test
    void anEmptyObjectIsTheDefaults() {
        EmulatorConfig config = EmulatorConfigReader.parse("{}");

        assertThat(config).isEqualTo(EmulatorConfig.defaults());
        assertThat(config.credentials()).isEqualTo(List.of(EmulatorConfig.DEFAULT_CREDENTIAL));
    }
}
