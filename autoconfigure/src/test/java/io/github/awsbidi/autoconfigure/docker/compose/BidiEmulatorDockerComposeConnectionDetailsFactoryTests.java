package io.github.awsbidi.autoconfigure.docker.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.autoconfigure.AwsBidiConnectionDetails;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.testcontainers.BidiEmulatorContainer;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import reactor.core.publisher.Flux;

/**
 * The Compose factory, registered in {@code spring.factories}, against the emulator image running with the
 * environment a {@code compose.yaml} gives it. Spring Boot's docker-compose support describes each service as a
 * {@link RunningService} (what {@code docker compose ps} and {@code inspect} report); this test describes the
 * container Testcontainers started the same way, because the {@code docker compose} v2 plugin Boot drives is not
 * installable on every machine. {@link BidiEmulatorDockerComposeTests} runs the real Compose path where it is.
 * Skipped without a Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class BidiEmulatorDockerComposeConnectionDetailsFactoryTests {

    @Container
    static final BidiEmulatorContainer emulator = new BidiEmulatorContainer()
            .withEnv("AWS_BIDI_EMULATOR_CREDENTIALS", "AKIDCOMPOSE:compose-secret")
            .withEnv("AWS_REGION", "eu-central-1");

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AwsBidiAutoConfiguration.class))
            .withPropertyValues(
                    "aws.bidi.sagemaker.sessions.echo.endpoint-name=echo",
                    "aws.bidi.bedrock.sessions.assistant.model-id=echo-compose");

    @Test
    void aServiceOfTheEmulatorImageGivesItsConnectionDetails() throws Exception {
        AwsBidiConnectionDetails details = connectionDetails(emulator.getDockerImageName());

        assertThat(details.endpoint()).hasToString("http://" + emulator.getHost() + ":" + emulator.getMappedPort(8080));
        assertThat(details.region().id()).isEqualTo("eu-central-1");
        assertThat(details.credentialsProvider().resolveCredentials().accessKeyId())
                .isEqualTo("AKIDCOMPOSE");
        assertThat(details.trustManagers()).isNull();
    }

    @Test
    void sessionsExchangeWithTheServiceThroughThem() throws Exception {
        AwsBidiConnectionDetails details = connectionDetails(emulator.getDockerImageName());

        this.contextRunner
                .withBean(AwsBidiConnectionDetails.class, () -> details)
                .run(context -> {
                    assertThat(exchange(context.getBean("echo", BidirectionalSession.class), Frame.text("compose")))
                            .containsExactly("compose");
                    assertThat(exchange(
                                    context.getBean("assistant", BidirectionalSession.class), Frame.json("{\"a\":1}")))
                            .containsExactly("{\"a\":1}");
                });
    }

    @Test
    void aCopyOfTheImageUnderAnotherNameMatchesByItsServiceConnectionLabel() throws Exception {
        assertThat(connectionDetails(
                        "registry.example.com/team/emulator-copy:1.2.3",
                        Map.of("org.springframework.boot.service-connection", "aws-bidi-emulator")))
                .isNotNull();
    }

    @Test
    void aServiceOfAnotherImageGivesNone() throws Exception {
        assertThat(factories()
                        .getConnectionDetails(source("registry.example.com/team/emulator-copy:1.2.3", Map.of()), false))
                .isEmpty();
    }

    private static AwsBidiConnectionDetails connectionDetails(String image) throws Exception {
        return connectionDetails(image, Map.of());
    }

    private static AwsBidiConnectionDetails connectionDetails(String image, Map<String, String> labels)
            throws Exception {
        Map<Class<?>, ConnectionDetails> details = factories().getConnectionDetails(source(image, labels), false);
        assertThat(details).containsOnlyKeys(AwsBidiConnectionDetails.class);
        return (AwsBidiConnectionDetails) details.get(AwsBidiConnectionDetails.class);
    }

    private static ConnectionDetailsFactories factories() {
        return new ConnectionDetailsFactories(
                BidiEmulatorDockerComposeConnectionDetailsFactoryTests.class.getClassLoader());
    }

    // Boot creates the source itself (its constructor is package-private); reflection stands in for that.
    private static DockerComposeConnectionSource source(String image, Map<String, String> labels) throws Exception {
        Constructor<DockerComposeConnectionSource> constructor =
                DockerComposeConnectionSource.class.getDeclaredConstructor(
                        RunningService.class, org.springframework.core.env.Environment.class);
        constructor.setAccessible(true);
        return constructor.newInstance(new ContainerService(image, labels), new StandardEnvironment());
    }

    private static List<String> exchange(BidirectionalSession session, Frame frame) {
        return session.exchange(Flux.just(frame))
                .map(Frame::asString)
                .collectList()
                .block(Duration.ofSeconds(30));
    }

    /** The running container as Compose support would describe it. */
    private record ContainerService(String imageName, Map<String, String> labels) implements RunningService {

        @Override
        public String name() {
            return "emulator";
        }

        @Override
        public ImageReference image() {
            return ImageReference.of(this.imageName);
        }

        @Override
        public String host() {
            return emulator.getHost();
        }

        @Override
        public ConnectionPorts ports() {
            return new ConnectionPorts() {
                @Override
                public int get(int containerPort) {
                    return emulator.getMappedPort(containerPort);
                }

                @Override
                public List<Integer> getAll() {
                    return List.of(emulator.getMappedPort(BidiEmulatorContainer.PORT));
                }

                @Override
                public List<Integer> getAll(String protocol) {
                    return "tcp".equals(protocol) ? getAll() : List.of();
                }
            };
        }

        @Override
        public Map<String, String> env() {
            return emulator.getEnvMap();
        }
    }
}
