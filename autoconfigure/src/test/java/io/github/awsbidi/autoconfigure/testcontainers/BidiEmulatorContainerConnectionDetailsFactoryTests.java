package io.github.awsbidi.autoconfigure.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.autoconfigure.AwsBidiConnectionDetails;
import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.testcontainers.BidiEmulatorContainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import reactor.core.publisher.Flux;

/**
 * A {@code @ServiceConnection} to the emulator image: sessions configured by properties run both operations in the
 * container, whatever endpoint and region the properties say, and a fault from the copied config file reaches the
 * session as its typed error. Skipped without a Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        properties = {
            "aws.bidi.region=ap-south-1",
            "aws.bidi.endpoint=http://127.0.0.1:1",
            "aws.bidi.sagemaker.sessions.echo.endpoint-name=echo",
            "aws.bidi.sagemaker.sessions.flaky.endpoint-name=flaky",
            "aws.bidi.bedrock.sessions.assistant.model-id=echo-container"
        })
class BidiEmulatorContainerConnectionDetailsFactoryTests {

    @Container
    @ServiceConnection
    static final BidiEmulatorContainer emulator = new BidiEmulatorContainer()
            .withConfigFile(Path.of("src/test/resources/emulator-container-config.json"))
            .withCredentials("AKIDSERVICE", "service-connection-secret");

    @Autowired
    AwsBidiConnectionDetails connectionDetails;

    @Autowired
    @Qualifier("echo")
    BidirectionalSession echo;

    @Autowired
    @Qualifier("assistant")
    BidirectionalSession assistant;

    @Autowired
    @Qualifier("flaky")
    BidirectionalSession flaky;

    @Test
    void connectionDetailsAreTheContainers() {
        assertThat(this.connectionDetails.endpoint()).isEqualTo(emulator.getEndpoint());
        assertThat(this.connectionDetails.endpoint().getPort()).isEqualTo(emulator.getMappedPort(8080));
        assertThat(this.connectionDetails.region().id()).isEqualTo("us-east-1");
        assertThat(this.connectionDetails
                        .credentialsProvider()
                        .resolveCredentials()
                        .accessKeyId())
                .isEqualTo("AKIDSERVICE");
        assertThat(this.connectionDetails.trustManagers()).isNull();
    }

    @Test
    void sageMakerSessionExchangesWithTheContainer() {
        List<String> responses = this.echo
                .exchange(Flux.just(Frame.text("hello"), Frame.text("sagemaker")))
                .map(Frame::asString)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(responses).containsExactly("hello", "sagemaker");
    }

    @Test
    void bedrockSessionExchangesWithTheContainer() {
        List<String> responses = this.assistant
                .exchange(Flux.just(Frame.json("{\"turn\":1}"), Frame.json("{\"turn\":2}")))
                .map(Frame::asString)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(responses).containsExactly("{\"turn\":1}", "{\"turn\":2}");
    }

    @Test
    void faultFromTheConfigFileReachesTheSessionAsItsTypedError() {
        assertThatExceptionOfType(BidiStreamException.class)
                .isThrownBy(() -> this.flaky
                        .exchange(Flux.just(Frame.text("one"), Frame.text("two")))
                        .blockLast(Duration.ofSeconds(30)))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.MODEL_STREAM_ERROR);
                    assertThat(e.getMessage()).contains("container hiccup");
                });
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration(AwsBidiAutoConfiguration.class)
    static class Config {}
}
