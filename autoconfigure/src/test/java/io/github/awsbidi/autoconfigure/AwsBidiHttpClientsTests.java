package io.github.awsbidi.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.autoconfigure.emulator.AwsBidiEmulatorAutoConfiguration;
import io.github.awsbidi.core.client.ConnectionSettings;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Streaming and control-plane clients come from one place: the same settings and the application's
 * {@link NettyHttpClientCustomizer} beans; and where each session connects is answered by
 * {@link SessionConnections} alone, whichever asks first.
 */
class AwsBidiHttpClientsTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(AwsBidiEmulatorAutoConfiguration.class, AwsBidiAutoConfiguration.class));

    @Test
    void theControlPlaneBuilderGetsTheCustomizerBeans() {
        List<NettyNioAsyncHttpClient.Builder> customized = new CopyOnWriteArrayList<>();
        contextRunner
                .withPropertyValues("aws.bidi.region=eu-west-1")
                .withBean(NettyHttpClientCustomizer.class, () -> customized::add)
                .run(context -> {
                    NettyNioAsyncHttpClient.Builder builder =
                            context.getBean(AwsBidiHttpClients.class).controlPlane();
                    assertThat(customized).last().isSameAs(builder);
                });
    }

    @Test
    void sessionsAndOtherAskersGetTheSameConnectionInAnyOrder() {
        contextRunner
                .withPropertyValues(
                        "aws.bidi.region=eu-west-1",
                        "aws.bidi.sagemaker.sessions.echo.endpoint-name=echo",
                        "aws.bidi.sagemaker.sessions.echo.region=eu-north-1",
                        "aws.bidi.sagemaker.sessions.echo.endpoint=http://127.0.0.1:9",
                        "aws.bidi.bedrock.sessions.assistant.model-id=amazon.nova-2-sonic-v1:0")
                .run(context -> {
                    SessionConnections connections = context.getBean(SessionConnections.class);
                    // Asked before any session bean exists: no state is filled as beans are created.
                    ConnectionSettings echo = connections.find("echo").orElseThrow();
                    assertThat(echo.region()).isEqualTo(Region.EU_NORTH_1);
                    assertThat(echo.endpointOverride()).hasToString("http://127.0.0.1:9");
                    assertThat(connections.find("assistant").orElseThrow().region())
                            .isEqualTo(Region.EU_WEST_1);
                    assertThat(connections.find("unknown")).isEmpty();
                    context.getBean("echo");
                    assertThat(connections.find("echo")).contains(echo);
                });
    }

    @Test
    void aServicesConnectionDetailsServeEverySession() {
        contextRunner
                .withPropertyValues(
                        "aws.bidi.emulator.enabled=true",
                        "aws.bidi.sagemaker.sessions.echo.endpoint-name=echo",
                        "aws.bidi.sagemaker.sessions.echo.endpoint=http://127.0.0.1:9")
                .run(context -> {
                    AwsBidiConnectionDetails details = context.getBean(AwsBidiConnectionDetails.class);
                    assertThat(context.getBean(SessionConnections.class)
                                    .find("echo")
                                    .orElseThrow()
                                    .endpointOverride())
                            .isEqualTo(details.endpoint());
                });
    }
}
