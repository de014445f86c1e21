package io.github.awsbidi.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.autoconfigure.emulator.AwsBidiEmulatorAutoConfiguration;
import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.config.EndpointStatus;
import io.github.awsbidi.emulator.config.ModelLifecycle;
import io.github.awsbidi.emulator.config.SageMakerEndpoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Every health mapping, answered by the emulator's control plane. */
class AwsBidiHealthContributorAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AwsBidiHealthContributorAutoConfiguration.class,
                    AwsBidiEmulatorAutoConfiguration.class,
                    AwsBidiAutoConfiguration.class))
            .withPropertyValues(
                    "aws.bidi.emulator.enabled=true",
                    "aws.bidi.sagemaker.sessions.transcriber.endpoint-name=asr",
                    "aws.bidi.sagemaker.sessions.transcriber.target-variant=variant-1",
                    "aws.bidi.bedrock.sessions.assistant.model-id=amazon.nova-2-sonic-v1:0",
                    "aws.bidi.health.cache-ttl=0s");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "IN_SERVICE, UP, InService",
        "CREATING, OUT_OF_SERVICE, Creating",
        "UPDATING, OUT_OF_SERVICE, Updating",
        "SYSTEM_UPDATING, OUT_OF_SERVICE, SystemUpdating",
        "ROLLING_BACK, OUT_OF_SERVICE, RollingBack",
        "FAILED, DOWN, Failed",
        "OUT_OF_SERVICE, DOWN, OutOfService"
    })
    void sageMakerEndpointStatusMapsToHealth(EndpointStatus endpointStatus, String expected, String wireStatus) {
        contextRunner.run(context -> {
            emulator(context)
                    .reconfigure(config -> config.sagemakerEndpoint(
                            "asr", SageMakerEndpoint.of("transcribe-sim").withStatus(endpointStatus)));
            Health health = health(context, "transcriber");
            assertThat(health.getStatus()).isEqualTo(new Status(expected));
            assertThat(health.getDetails())
                    .containsEntry("status", wireStatus)
                    .containsEntry("endpoint", "asr")
                    .containsEntry("service", "sagemaker")
                    .containsEntry("variant", "variant-1")
                    .containsKey("region")
                    .doesNotContainKeys("credentials", "accessKeyId", "secretAccessKey");
        });
    }

    @Test
    void missingEndpointIsDown() {
        contextRunner.run(context -> {
            Health health = health(context, "transcriber");
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("status", "NotFound");
        });
    }

    @Test
    void activeModelIsUp() {
        contextRunner.run(context -> {
            Health health = health(context, "assistant");
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("status", "ACTIVE")
                    .containsEntry("model", "amazon.nova-2-sonic-v1:0")
                    .doesNotContainKey("warning");
        });
    }

    @Test
    void legacyModelIsUpWithAWarning() {
        contextRunner.run(context -> {
            emulator(context)
                    .reconfigure(config -> config.bedrockModel(
                            "amazon.nova-2-sonic-v1:0", model -> model.withLifecycle(ModelLifecycle.LEGACY)));
            Health health = health(context, "assistant");
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("status", "LEGACY");
            assertThat((String) health.getDetails().get("warning")).contains("end its life");
        });
    }

    @Test
    void endOfLifeModelIsDown() {
        contextRunner
                .withPropertyValues("aws.bidi.bedrock.sessions.assistant.model-id=amazon.nova-sonic-v1:0")
                .run(context -> {
                    Health health = health(context, "assistant");
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("status", "NotFound");
                });
    }

    @Test
    void unknownModelIsDown() {
        contextRunner
                .withPropertyValues("aws.bidi.bedrock.sessions.assistant.model-id=acme.unknown-v1:0")
                .run(context ->
                        assertThat(health(context, "assistant").getStatus()).isEqualTo(Status.DOWN));
    }

    @Test
    void answersAreCachedSoProbeStormsMakeOneCall() {
        contextRunner.withPropertyValues("aws.bidi.health.cache-ttl=1h").run(context -> {
            assertThat(health(context, "assistant").getStatus()).isEqualTo(Status.UP);
            emulator(context)
                    .reconfigure(config -> config.bedrockModel(
                            "amazon.nova-2-sonic-v1:0", model -> model.withLifecycle(ModelLifecycle.LEGACY)));
            // Still the cached ACTIVE answer: no control-plane call was made.
            assertThat(health(context, "assistant").getDetails()).containsEntry("status", "ACTIVE");
        });
    }

    @Test
    void canBeTurnedOff() {
        contextRunner
                .withPropertyValues("aws.bidi.health.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("awsBidiHealthContributor"));
        contextRunner
                .withPropertyValues("management.health.awsBidi.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("awsBidiHealthContributor"));
    }

    @Test
    void withoutActuatorHealthNothingIsRegistered() {
        contextRunner
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean("awsBidiHealthContributor")
                        .hasBean("transcriber"));
    }

    @Test
    void withoutTheSageMakerControlPlaneClientOnlyBedrockSessionsAreChecked() {
        contextRunner
                .withClassLoader(new FilteredClassLoader("software.amazon.awssdk.services.sagemaker."))
                .run(context -> {
                    CompositeReactiveHealthContributor composite = composite(context);
                    assertThat(composite.getContributor("transcriber")).isNull();
                    assertThat(composite.getContributor("assistant")).isNotNull();
                });
    }

    private static Health health(AssertableApplicationContext context, String session) {
        ReactiveHealthContributor contributor = composite(context).getContributor(session);
        assertThat(contributor).isInstanceOf(ReactiveHealthIndicator.class);
        return ((ReactiveHealthIndicator) contributor).health().block(Duration.ofSeconds(30));
    }

    private static CompositeReactiveHealthContributor composite(AssertableApplicationContext context) {
        return context.getBean("awsBidiHealthContributor", CompositeReactiveHealthContributor.class);
    }

    private static BidiEmulator emulator(AssertableApplicationContext context) {
        return context.getBean(BidiEmulator.class);
    }
}
