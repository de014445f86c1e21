package io.github.awsbidi.autoconfigure.docker.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.autoconfigure.AwsBidiConnectionDetails;
import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.core.publisher.Flux;

/**
 * The real Compose path: Spring Boot's docker-compose support starts {@code docker/compose.yaml} (the emulator image
 * with a mounted config file), and the sessions get their connection details from the running service. Needs the
 * {@code docker compose} v2 plugin, which Boot drives; skipped, with that reason, where it is missing.
 */
@EnabledIf(
        value = "composeV2Available",
        disabledReason =
                "'docker compose' (the Compose v2 plugin Spring Boot drives) is not installed or no engine runs")
@SpringBootTest(
        properties = {
            "spring.docker.compose.enabled=true",
            "spring.docker.compose.skip.in-tests=false",
            "spring.docker.compose.file=target/test-classes/docker/compose.yaml",
            "spring.docker.compose.lifecycle-management=start-and-stop",
            "spring.docker.compose.stop.command=down",
            "aws.bidi.sagemaker.sessions.echo.endpoint-name=echo",
            "aws.bidi.sagemaker.sessions.flaky.endpoint-name=flaky"
        })
class BidiEmulatorDockerComposeTests {

    @Autowired
    AwsBidiConnectionDetails connectionDetails;

    @Autowired
    @Qualifier("echo")
    BidirectionalSession echo;

    @Autowired
    @Qualifier("flaky")
    BidirectionalSession flaky;

    static boolean composeV2Available() {
        try {
            Process process = new ProcessBuilder("docker", "compose", "version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(20, TimeUnit.SECONDS)
                    && process.exitValue() == 0
                    && new ProcessBuilder("docker", "info")
                                    .redirectErrorStream(true)
                                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                    .start()
                                    .waitFor()
                            == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void connectionDetailsComeFromTheService() {
        assertThat(this.connectionDetails.region().id()).isEqualTo("eu-central-1");
        assertThat(this.connectionDetails
                        .credentialsProvider()
                        .resolveCredentials()
                        .accessKeyId())
                .isEqualTo("AKIDCOMPOSE");
    }

    @Test
    void sessionExchangesWithTheService() {
        List<String> responses = this.echo
                .exchange(Flux.just(Frame.text("compose")))
                .map(Frame::asString)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(responses).containsExactly("compose");
    }

    @Test
    void faultFromTheMountedConfigFile() {
        assertThatExceptionOfType(BidiStreamException.class)
                .isThrownBy(() -> this.flaky
                        .exchange(Flux.just(Frame.text("one"), Frame.text("two")))
                        .blockLast(Duration.ofSeconds(30)))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ErrorKind.MODEL_STREAM_ERROR));
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration(AwsBidiAutoConfiguration.class)
    static class Config {}
}
