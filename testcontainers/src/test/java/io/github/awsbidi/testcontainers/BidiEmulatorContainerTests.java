package io.github.awsbidi.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.client.HttpClientSettings;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The image this project builds, run by {@link BidiEmulatorContainer}: its contract (user, labels, port), TLS trust
 * and credentials, checked with the real SDK clients through core's sessions. Skipped without a Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class BidiEmulatorContainerTests {

    @Container
    static final BidiEmulatorContainer emulator = new BidiEmulatorContainer()
            .withTls()
            .withCredentials("AKIDCONTAINER", "container-secret")
            .withRegion("eu-west-1");

    @Test
    void runsAsANonRootUserWithOciLabels() {
        InspectContainerResponse info = emulator.getContainerInfo();

        assertThat(info.getConfig().getUser()).isEqualTo("10001:10001");
        assertThat(info.getConfig().getLabels())
                .containsEntry("org.opencontainers.image.title", "aws-bidi emulator")
                .containsEntry(
                        "org.opencontainers.image.version",
                        emulator.getDockerImageName().split(":")[1]);
        assertThat(emulator.getExposedPorts()).containsExactly(BidiEmulatorContainer.PORT);
    }

    @Test
    void exposesItsCertificateForLocalhost() throws Exception {
        assertThat(emulator.getEndpoint().getScheme()).isEqualTo("https");
        List<String> names = emulator.getCertificate().getSubjectAlternativeNames().stream()
                .map(name -> String.valueOf(name.get(1)))
                .toList();
        assertThat(names).contains("localhost", "127.0.0.1");
        // The host Testcontainers maps the port to, whatever it is on this machine.
        assertThat(names).contains(emulator.getHost());
    }

    @Test
    void echoesOverTlsForTheClientThatTrustsItsCertificateAndSignsWithItsKeys() {
        try (BidiClientFactory clients = clients()) {
            SageMakerSession echo = SageMakerSession.create(
                    "echo", clients.sageMaker(connection("container-secret")), SageMakerSessionSettings.of("echo"));

            List<String> responses = echo.exchange(Flux.just(Frame.text("hello"), Frame.text("container")))
                    .map(Frame::asString)
                    .collectList()
                    .block(Duration.ofSeconds(30));

            assertThat(responses).containsExactly("hello", "container");
        }
    }

    @Test
    void rejectsAnotherSecret() {
        try (BidiClientFactory clients = clients()) {
            SageMakerSession echo = SageMakerSession.create(
                    "echo", clients.sageMaker(connection("wrong")), SageMakerSessionSettings.of("echo"));

            assertThatExceptionOfType(BidiStreamException.class)
                    .isThrownBy(
                            () -> echo.exchange(Flux.just(Frame.text("hello"))).blockLast(Duration.ofSeconds(30)))
                    .satisfies(e -> assertThat(e.kind()).isIn(ErrorKind.ACCESS_DENIED, ErrorKind.CREDENTIALS));
        }
    }

    private static BidiClientFactory clients() {
        return BidiClientFactory.builder()
                .httpSettings(HttpClientSettings.defaults().withTlsTrustManagers(emulator::getTrustManagers))
                .build();
    }

    private static ConnectionSettings connection(String secret) {
        return ConnectionSettings.defaults()
                .withEndpointOverride(emulator.getEndpoint())
                .withRegion(Region.of(emulator.getRegion()))
                .withCredentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKeyId(), secret)));
    }
}
