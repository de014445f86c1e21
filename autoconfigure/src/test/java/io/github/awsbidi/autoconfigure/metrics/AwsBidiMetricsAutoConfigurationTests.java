package io.github.awsbidi.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.autoconfigure.emulator.AwsBidiEmulatorAutoConfiguration;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.micrometer.DefaultExchangeObservationConvention;
import io.github.awsbidi.core.micrometer.ExchangeObservationConvention;
import io.github.awsbidi.core.micrometer.MeterExchangeListener;
import io.github.awsbidi.core.micrometer.ObservationExchangeListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;

class AwsBidiMetricsAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AwsBidiMetricsAutoConfiguration.class,
                    AwsBidiObservationAutoConfiguration.class,
                    AwsBidiEmulatorAutoConfiguration.class,
                    AwsBidiAutoConfiguration.class))
            .withPropertyValues(
                    "aws.bidi.emulator.enabled=true", "aws.bidi.sagemaker.sessions.echo.endpoint-name=echo");

    @Test
    void sessionsRecordFrameMetersWhenAMeterRegistryExists() {
        contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(MeterExchangeListener.class);
            context.getBean("echo", BidirectionalSession.class)
                    .exchange(Flux.just(Frame.text("hi")))
                    .blockLast(Duration.ofSeconds(30));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("aws.bidi.frames")
                            .tags("session", "echo", "service", "sagemaker", "direction", "outbound")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get("aws.bidi.frames")
                            .tags("direction", "inbound")
                            .counter()
                            .count())
                    .isEqualTo(1);
        });
    }

    @Test
    void noMeterRegistryNoMeterListener() {
        contextRunner.run(context -> assertThat(context)
                .doesNotHaveBean(MeterExchangeListener.class)
                .doesNotHaveBean(ObservationExchangeListener.class));
    }

    @Test
    void metersCanBeTurnedOff() {
        contextRunner
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("aws.bidi.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MeterExchangeListener.class));
    }

    @Test
    void withoutMicrometerNothingIsRegisteredAndSessionsStillWork() {
        contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer")).run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(MeterExchangeListener.class)
                    .doesNotHaveBean(ObservationExchangeListener.class);
            assertThat(context.getBean("echo", BidirectionalSession.class)
                            .exchange(Flux.just(Frame.text("hi")))
                            .map(Frame::asString)
                            .collectList()
                            .block(Duration.ofSeconds(30)))
                    .containsExactly("hi");
        });
    }

    @Test
    void oneObservationPerExchange() {
        contextRunner
                .withBean(ObservationRegistry.class, TestObservationRegistry::create)
                .run(context -> {
                    context.getBean("echo", BidirectionalSession.class)
                            .exchange(Flux.just(Frame.text("hi")))
                            .blockLast(Duration.ofSeconds(30));
                    TestObservationRegistry registry =
                            (TestObservationRegistry) context.getBean(ObservationRegistry.class);
                    await().untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
                            .hasObservationWithNameEqualTo("aws.bidi.exchange")
                            .that()
                            .hasBeenStopped()
                            .hasLowCardinalityKeyValue("session", "echo")
                            .hasLowCardinalityKeyValue("outcome", "completed"));
                });
    }

    @Test
    void aConventionBeanReplacesTheDefaultNaming() {
        contextRunner
                .withBean(ObservationRegistry.class, TestObservationRegistry::create)
                .withBean(ExchangeObservationConvention.class, () -> new DefaultExchangeObservationConvention() {
                    @Override
                    public String getName() {
                        return "voice.exchange";
                    }
                })
                .run(context -> {
                    context.getBean("echo", BidirectionalSession.class)
                            .exchange(Flux.just(Frame.text("hi")))
                            .blockLast(Duration.ofSeconds(30));
                    TestObservationRegistry registry =
                            (TestObservationRegistry) context.getBean(ObservationRegistry.class);
                    await().untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
                            .hasObservationWithNameEqualTo("voice.exchange")
                            .that()
                            .hasBeenStopped());
                });
    }

    @Test
    void observationsCanBeTurnedOff() {
        contextRunner
                .withBean(ObservationRegistry.class, TestObservationRegistry::create)
                .withPropertyValues("aws.bidi.observations.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ObservationExchangeListener.class));
    }
}
