package io.github.awsbidi.autoconfigure.emulator;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.autoconfigure.AwsBidiConnectionDetails;
import io.github.awsbidi.autoconfigure.PropertiesAwsBidiConnectionDetails;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.emulator.BidiEmulator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.regions.Region;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AwsBidiEmulatorAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AwsBidiEmulatorAutoConfiguration.class,
                    AwsBidiAutoConfiguration.class))
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
        this.contextRunner.withClassLoader(new FilteredClassLoader(BidiEmulator.class))
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
            assertThat(context.getBean(AwsBidiConnectionDetails.class).endpoint()).isEqualTo(emulator.endpoint());
            assertThat(echo(context.getBean("echo", BidirectionalSession.class))).containsExactly("hello");
        });
    }

    @Test
    void servesTlsThatTheClientsTrust() {
        this.contextRunner.withPropertyValues("aws.bidi.emulator.enabled=true", "aws.bidi.emulator.tls=true")
                .run(context -> {
                    assertThat(context.getBean(BidiEmulator.class).endpoint().getScheme()).isEqualTo("https");
                    assertThat(echo(context.getBean("echo", BidirectionalSession.class))).containsExactly("hello");
                });
    }

    @Test
    void winsOverTheSessionsOwnEndpointAndRegion() {
        this.contextRunner
                .withPropertyValues("aws.bidi.emulator.enabled=true",
                        "aws.bidi.sagemaker.sessions.echo.endpoint=http://127.0.0.1:1",
                        "aws.bidi.sagemaker.sessions.echo.region=eu-west-3")
                .run(context -> assertThat(echo(context.getBean("echo", BidirectionalSession.class)))
                        .containsExactly("hello"));
    }

    @Test
    void readsTheConfigFile() {
        this.contextRunner
                .withPropertyValues("aws.bidi.emulator.enabled=true",
                        "aws.bidi.emulator.config-file=classpath:emulator-test-config.json")
                .run(context -> {
                    BidiEmulator emulator = context.getBean(BidiEmulator.class);
                    assertThat(emulator.config().sagemakerEndpoints()).containsKey("custom-echo");
                    assertThat(emulator.accessKeyId()).isEqualTo("dev");
                    assertThat(echo(context.getBean("echo", BidirectionalSession.class))).containsExactly("hello");
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
        this.contextRunner.withPropertyValues("aws.bidi.emulator.enabled=true")
                .withBean(AwsBidiConnectionDetails.class, () -> own)
                .run(context -> assertThat(context.getBean(AwsBidiConnectionDetails.class)).isSameAs(own));
    }

    @Test
    void stopsTheEmulatorWithTheContext() {
        AtomicInteger port = new AtomicInteger();
        this.contextRunner.withPropertyValues("aws.bidi.emulator.enabled=true")
                .run(context -> port.set(context.getBean(BidiEmulator.class).port()));
        assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port.get()), 2000);
            }
        });
    }

    private static List<String> echo(BidirectionalSession session) {
        List<Frame> responses = session.exchange(Flux.just(Frame.text("hello")))
                .collectList()
                .block(Duration.ofSeconds(30));
        assertThat(responses).allSatisfy(frame -> assertThat(frame.type()).isEqualTo(DataType.UTF8));
        return responses.stream().map(Frame::asString).toList();
    }
}
