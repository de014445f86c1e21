package io.github.awsbidi.autoconfigure.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.autoconfigure.AwsBidiConnectionDetails;
import io.github.awsbidi.autoconfigure.PropertiesAwsBidiConnectionDetails;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.emulator.BidiEmulator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.regions.Region;

class AwsBidiEmulatorAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(AwsBidiEmulatorAutoConfiguration.class, AwsBidiAutoConfiguration.class))
            .withPropertyValues("aws.bidi.sagemaker.sessions.echo.endpoint-name=echo");

    @Test
    void isOffByDefault() {
        this.contextRunner.withPropertyValues("aws.bidi.region=eu-west-1").run(context -> {
            assertThat(context).doesNotHaveBean(BidiEmulator.class);
            assertThat(context).hasSingleBean(PropertiesAwsBidiConnectionDetails.class);
        });
    }

    @Test
    void isOffWithoutTheEmulatorOnTheClasspath() {
        this.contextRunner
                .withClassLoader(new FilteredClassLoader(BidiEmulator.class))
                .withPropertyValues("aws.bidi.emulator.enabled=true", "aws.bidi.region=eu-west-1")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(BidiEmulator.class);
                    assertThat(context).hasSingleBean(PropertiesAwsBidiConnectionDetails.class);
                });
    }

    @Test
    void startsTheEmulatorAndASessionExchangesFramesWithIt() {
        this.contextRunner.withPropertyValues("aws.bidi.emulator.enabled=true").run(context -> {
            BidiEmulator emulator = context.getBean(BidiEmulator.class);
            assertThat(context.getBean(AwsBidiConnectionDetails.class).endpoint())
                    .isEqualTo(emulator.endpoint());
            assertThat(echo(context.getBean("echo", BidirectionalSession.class)))
                    .containsExactly("hello");
        });
    }

    @Test
    void servesTlsThatTheClientsTrust() {
        this.contextRunner
                .withPropertyValues("aws.bidi.emulator.enabled=true", "aws.bidi.emulator.tls=true")
                .run(context -> {
                    assertThat(context.getBean(BidiEmulator.class).endpoint().getScheme())
                            .isEqualTo("https");
                    assertThat(echo(context.getBean("echo", BidirectionalSession.class)))
                            .containsExactly("hello");
                });
    }

    @Test
    void winsOverTheSessionsOwnEndpointAndRegion() {
        this.contextRunner
                .withPropertyValues(
                        "aws.bidi.emulator.enabled=true",
                        "aws.bidi.sagemaker.sessions.echo.endpoint=http://127.0.0.1:1",
                        "aws.bidi.sagemaker.sessions.echo.region=eu-west-3")
                .run(context -> assertThat(echo(context.getBean("echo", BidirectionalSession.class)))
                        .containsExactly("hello"));
    }

    @Test
    void readsTheConfigFile() {
        this.contextRunner
                .withPropertyValues(
                        "aws.bidi.emulator.enabled=true",
                        "aws.bidi.emulator.config-file=classpath:emulator-test-config.json")
                .run(context -> {
                    BidiEmulator emulator = context.getBean(BidiEmulator.class);
                    assertThat(emulator.config().sagemakerEndpoints()).containsKey("custom-echo");
                    assertThat(emulator.accessKeyId()).isEqualTo("dev");
                    assertThat(echo(context.getBean("echo", BidirectionalSession.class)))
                            .containsExactly("hello");
                });
    }

    @Test
    void backsOffToTheUsersConnectionDetails() {
        AwsBidiConnectionDetails own = new AwsBidiConnectionDetails() {
            @Override
            public URI endpoint() {
                return URI.create("http://127.0.0.1:1");
            }

            @Override
            public Region region() {
                return Region.EU_WEST_1;
            }
        };
        this.contextRunner
                .withPropertyValues("aws.bidi.emulator.enabled=true")
                .withBean(AwsBidiConnectionDetails.class, () -> own)
                .run(context -> assertThat(context.getBean(AwsBidiConnectionDetails.class))
                        .isSameAs(own));
    }

    @Test
    void stopsTheEmulatorWithTheContext() {
        AtomicInteger port = new AtomicInteger();
        this.contextRunner
                .withPropertyValues("aws.bidi.emulator.enabled=true")
                .run(context -> port.set(context.getBean(BidiEmulator.class).port()));
        assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port.get()), 2000);
            }
        });
    }

    @Test
    void servesCassettesFromTheConfiguredDirectories(@TempDir Path tapes) throws IOException {
        String payload = Base64.getEncoder().encodeToString("{\"recorded\":true}".getBytes(StandardCharsets.UTF_8));
        Files.writeString(
                tapes.resolve("a.jsonl"),
                String.join(
                        "\n",
                        "{\"format\":\"aws-bidi-cassette\",\"version\":1,\"service\":\"sagemaker\",\"region\":\"us-east-1\","
                                + "\"resource\":\"echo\",\"session\":\"echo\",\"recordedAt\":\"2026-11-30T15:00:00Z\"}",
                        "{\"atMicros\":10,\"event\":\"answered\",\"invokedVariant\":\"variant-1\"}",
                        "{\"atMicros\":20,\"event\":\"request\",\"dataType\":\"UTF8\",\"completion\":\"COMPLETE\","
                                + "\"payload\":\"aGVsbG8=\"}",
                        "{\"atMicros\":30,\"event\":\"response\",\"dataType\":\"UTF8\",\"completion\":\"COMPLETE\","
                                + "\"payload\":\"" + payload + "\"}",
                        "{\"atMicros\":40,\"event\":\"requestsCompleted\"}",
                        "{\"atMicros\":50,\"event\":\"end\",\"outcome\":\"completed\"}"));
        this.contextRunner
                .withPropertyValues(
                        "aws.bidi.emulator.enabled=true",
                        "aws.bidi.emulator.cassettes=" + tapes,
                        "aws.bidi.emulator.cassette-matching=exact",
                        "aws.bidi.emulator.cassette-time-scale=0")
                .run(context -> assertThat(echo(context.getBean("echo", BidirectionalSession.class)))
                        .containsExactly("{\"recorded\":true}"));
    }

    @Test
    void unknownCassetteMatchingFailsTheStartNamingTheProperty() {
        this.contextRunner
                .withPropertyValues("aws.bidi.emulator.enabled=true", "aws.bidi.emulator.cassette-matching=fuzzy")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("aws.bidi.emulator.cassette-matching must be exact, shape or ignore"));
    }

    private static List<String> echo(BidirectionalSession session) {
        List<Frame> responses =
                session.exchange(Flux.just(Frame.text("hello"))).collectList().block(Duration.ofSeconds(30));
        assertThat(responses).allSatisfy(frame -> assertThat(frame.type()).isEqualTo(DataType.UTF8));
        return responses.stream().map(Frame::asString).toList();
    }
}
