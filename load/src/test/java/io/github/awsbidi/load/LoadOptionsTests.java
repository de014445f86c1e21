package io.github.awsbidi.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadOptionsTests {

    @Test
    void defaultsGoToAwsWithTheSdkChains() {
        LoadOptions options = LoadOptions.parse("--target", "sagemaker:my-asr");

        assertThat(options.endpoint()).isNull();
        assertThat(options.region()).isNull();
        assertThat(options.accessKeyId()).isNull();
        assertThat(options.target()).isEqualTo(new LoadTarget.SageMaker("my-asr", null));
        assertThat(options.sessions()).isEqualTo(10);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.ramp()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.audio()).isNull();
    }

    @Test
    void parsesEveryOption(@TempDir Path dir) throws IOException {
        Path pem = Files.writeString(dir.resolve("emulator.pem"), "x");
        LoadOptions options = LoadOptions.parse(
                "--endpoint",
                "https://127.0.0.1:8443",
                "--target",
                "sagemaker:asr/blue",
                "--sessions",
                "500",
                "--duration",
                "2m",
                "--ramp",
                "PT10S",
                "--json",
                "out.json",
                "--region",
                "eu-west-1",
                "--credentials",
                "test:secret:with:colons",
                "--trust",
                pem.toString(),
                "--drain",
                "500ms",
                "--warmup",
                "15s");

        assertThat(options.endpoint()).isEqualTo(URI.create("https://127.0.0.1:8443"));
        assertThat(options.target()).isEqualTo(new LoadTarget.SageMaker("asr", "blue"));
        assertThat(options.sessions()).isEqualTo(500);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.ramp()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.json()).isEqualTo(Path.of("out.json"));
        assertThat(options.region()).isEqualTo("eu-west-1");
        assertThat(options.accessKeyId()).isEqualTo("test");
        assertThat(options.secretAccessKey()).isEqualTo("secret:with:colons");
        assertThat(options.trust()).isEqualTo(pem);
        assertThat(options.drain()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theWarmUpMayOutlastTheRampAndTheWindow() {
        assertThat(LoadOptions.parse("--target", "sagemaker:echo").warmup()).isZero();
        // The warm-up is a pass of its own, before the measured sessions start: it may be longer than anything else.
        assertThat(LoadOptions.parse(
                                "--target", "sagemaker:echo", "--duration", "10s", "--ramp", "5s", "--warmup", "15s")
                        .warmup())
                .isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void bedrockModelIdsAreTakenWhole() {
        assertThat(LoadOptions.parse("--target", "bedrock:amazon.nova-2-sonic-v1:0")
                        .target())
                .isEqualTo(new LoadTarget.Bedrock("amazon.nova-2-sonic-v1:0"));
    }

    @Test
    void sessionsOutsideTheirLimitsNameTheOptionAndTheLimit() {
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:echo", "--sessions", "0"))
                .isInstanceOfSatisfying(
                        InvalidOptionException.class,
                        e -> assertThat(e.option()).isEqualTo("--sessions"))
                .hasMessage("--sessions: must be between 1 and 20000, was 0");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:echo", "--sessions", "20001"))
                .hasMessage("--sessions: must be between 1 and 20000, was 20001");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:echo", "--sessions", "many"))
                .hasMessage("--sessions: must be a whole number between 1 and 20000, was 'many'");
    }

    @Test
    void durationsOutsideTheirLimitsNameTheOptionAndTheLimit() {
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:echo", "--duration", "50ms"))
                .hasMessage("--duration: must be between 100ms and 24h, was 50ms");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:echo", "--ramp", "2h"))
                .hasMessage("--ramp: must be between 0 and 1h, was 2h");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:echo", "--drain", "soon"))
                .hasMessage("--drain: expected a duration such as 500ms, 30s, 5m, 1h or PT30S, was 'soon'");
    }

    @Test
    void targetsAreCheckedAgainstTheServicesNameRules() {
        assertThatThrownBy(() -> LoadOptions.parse("--sessions", "1"))
                .hasMessage("--target: required: sagemaker:<endpoint>[/<variant>] or bedrock:<modelId>");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "kinesis:x"))
                .hasMessage("--target: expected sagemaker:<endpoint>[/<variant>] or bedrock:<modelId>, was"
                        + " 'kinesis:x'");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:my_endpoint"))
                .hasMessageStartingWith("--target: the SageMaker endpoint name must be 1 to 63 letters");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:asr/"))
                .hasMessageStartingWith("--target: the variant name after '/' must be 1 to 63");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "bedrock:"))
                .hasMessageStartingWith("--target: the Bedrock model id must be 1 to 2048 characters");
    }

    @Test
    void endpointsCredentialsAndTrustAreChecked() {
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:echo", "--endpoint", "ftp://host"))
                .hasMessage("--endpoint: must be an http:// or https:// URL with a host, was 'ftp://host'");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:echo", "--credentials", "nosecret"))
                .hasMessage("--credentials: expected KEY:SECRET, both non-empty");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:echo", "--insecure"))
                .hasMessage("--insecure: only with --endpoint: AWS endpoints have trusted certificates");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:echo", "--audio", "/no/such.wav"))
                .hasMessageStartingWith("--audio: no readable file at /no/such.wav");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:echo", "--region", "US East"))
                .hasMessage("--region: must be a region name such as us-east-1, was 'US East'");
    }

    @Test
    void unknownOptionsAndMissingValuesAreNamed() {
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:echo", "--rate", "3"))
                .hasMessage("--rate: unknown option");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:echo", "--sessions"))
                .hasMessage("--sessions: needs a value");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "--sessions", "3"))
                .hasMessage("--target: needs a value");
    }

    @Test
    void aPollyTargetTakesItsVoiceAndTheTextPace() {
        assertThat(LoadOptions.parse("--target", "polly:Joanna", "--tokens-per-second", "40")
                        .target())
                .isEqualTo(new LoadTarget.Polly("Joanna", 40));
        assertThat(LoadOptions.parse("--target", "polly:Matthew").target())
                .isEqualTo(new LoadTarget.Polly("Matthew", LoadTarget.Polly.DEFAULT_TOKENS_PER_SECOND));
        assertThatThrownBy(() -> LoadOptions.parse("--target", "polly:Jo-anna"))
                .hasMessageContaining("--target: the Polly voice id must be 1 to 40 letters");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "sagemaker:echo", "--tokens-per-second", "40"))
                .hasMessage("--tokens-per-second: only with --target polly:<voice>");
        assertThatThrownBy(() -> LoadOptions.parse("--target", "polly:Joanna", "--tokens-per-second", "0"))
                .hasMessageContaining("from 0.5 to 1000");
    }
}
