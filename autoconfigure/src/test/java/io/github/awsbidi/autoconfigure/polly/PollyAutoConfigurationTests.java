package io.github.awsbidi.autoconfigure.polly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.autoconfigure.AwsBidiConfigurationException;
import io.github.awsbidi.autoconfigure.PollyAutoConfiguration;
import io.github.awsbidi.autoconfigure.emulator.AwsBidiEmulatorAutoConfiguration;
import io.github.awsbidi.autoconfigure.metrics.AwsBidiMetricsAutoConfiguration;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.config.PollyOptions;
import io.github.awsbidi.polly.PollySession;
import io.github.awsbidi.polly.PollySpeech;
import io.github.awsbidi.polly.micrometer.PollyCharactersListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

/** Polly session beans from aws.bidi.polly.sessions.*, against the embedded emulator. */
class PollyAutoConfigurationTests {

    private static final String PREFIX = "aws.bidi.polly.sessions.speaker.";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AwsBidiEmulatorAutoConfiguration.class,
                    AwsBidiAutoConfiguration.class,
                    AwsBidiMetricsAutoConfiguration.class,
                    PollyAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues(
                    "aws.bidi.emulator.enabled=true", PREFIX + "voice-id=Joanna", "aws.bidi.health.cache-ttl=0s");

    @Test
    void aSessionBeanOfTheKeysNameSpeaksThroughTheEmulatorAndItsCharactersAreCounted() {
        contextRunner.withPropertyValues(PREFIX + "sample-rate=8000").run(context -> {
            // Real time: the idle close stays 5 s away however slowly the first stream opens.
            emulator(context).reconfigure(config -> config.polly(PollyOptions.defaults()));
            PollySession session = context.getBean("speaker", PollySession.class);
            assertThat(context.getBean(BidirectionalSession.class)).isSameAs(session);
            assertThat(session.target().service()).isEqualTo(Target.Service.POLLY);
            assertThat(session.settings().sampleRate()).isEqualTo(8000);

            PollySpeech speech = PollySpeech.open(session).block(Duration.ofSeconds(30));
            speech.audio().subscribe();
            Long characters = speech.say("Hello from Spring.")
                    .then(Mono.defer(speech::close))
                    .block(Duration.ofSeconds(30));

            assertThat(characters).isEqualTo(18);
            // The listener hears the closing frame on the I/O thread, beside the helper's outcome.
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(context.getBean(MeterRegistry.class)
                                    .get(PollyCharactersListener.CHARACTERS)
                                    .tag("session", "speaker")
                                    .counter()
                                    .count())
                            .isEqualTo(18));
        });
    }

    @Test
    void aWrongEngineFailsStartupNamingTheKey() {
        contextRunner.withPropertyValues(PREFIX + "engine=neural").run(context -> {
            assertThat(context).hasFailed();
            // The failure analyzer turns this exception into the startup report.
            AwsBidiConfigurationException error = configurationError(context);
            assertThat(error.property()).isEqualTo(PREFIX + "engine");
            assertThat(error.description()).contains(PREFIX + "engine").contains("generative");
            assertThat(error.action()).contains(PREFIX + "engine");
        });
    }

    @Test
    void aWrongOutputFormatOrRateFailsStartupNamingTheKey() {
        contextRunner.withPropertyValues(PREFIX + "output-format=wav").run(context -> {
            assertThat(configurationError(context).property()).isEqualTo(PREFIX + "output-format");
        });
        contextRunner.withPropertyValues(PREFIX + "sample-rate=44100").run(context -> {
            assertThat(configurationError(context).property()).isEqualTo(PREFIX + "sample-rate");
        });
    }

    @Test
    void aMissingVoiceOrAnUnknownKeyFailsStartup() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AwsBidiAutoConfiguration.class, PollyAutoConfiguration.class))
                .withPropertyValues("aws.bidi.region=us-east-1", PREFIX + "engine=generative")
                .run(context ->
                        assertThat(configurationError(context).property()).isEqualTo(PREFIX + "voice-id"));
        contextRunner
                .withPropertyValues(PREFIX + "voice=Joanna")
                .run(context ->
                        assertThat(configurationError(context).description()).contains(PREFIX + "voice"));
    }

    @Test
    void aNameUsedByAnotherSessionFailsStartup() {
        contextRunner
                .withPropertyValues("aws.bidi.bedrock.sessions.speaker.model-id=amazon.nova-2-sonic-v1:0")
                .run(context -> assertThat(configurationError(context).description())
                        .contains("aws.bidi.bedrock.sessions.speaker")
                        .contains(PREFIX.substring(0, PREFIX.length() - 1)));
    }

    @Test
    void healthIsUpForAGenerativeVoiceAndDownOtherwise() {
        contextRunner
                .withPropertyValues("aws.bidi.polly.sessions.old.voice-id=Ivy")
                .run(context -> {
                    Health up = health(context, "speaker");
                    assertThat(up.getStatus()).isEqualTo(Status.UP);
                    assertThat(up.getDetails()).containsEntry("voice", "Joanna").containsEntry("service", "polly");
                    assertThat(health(context, "old").getStatus()).isEqualTo(Status.DOWN);
                });
    }

    @Test
    void clientCustomizersAreApplied() {
        contextRunner
                .withBean(
                        PollyClientCustomizer.class,
                        () -> builder ->
                                builder.overrideConfiguration(override -> override.putHeader("x-test", "customized")))
                .run(context -> assertThat(context.getBean("speaker", PollySession.class)
                                .target()
                                .resource())
                        .isEqualTo("Joanna"));
    }

    @Test
    void withoutThePollyModuleThereIsNoPollyBean() {
        contextRunner
                .withClassLoader(new FilteredClassLoader(PollySession.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("speaker"));
    }

    private static Health health(AssertableApplicationContext context, String session) {
        var contributor = context.getBean("awsBidiPollyHealthContributor", CompositeReactiveHealthContributor.class)
                .getContributor(session);
        return ((ReactiveHealthIndicator) contributor).health().block(Duration.ofSeconds(30));
    }

    private static AwsBidiConfigurationException configurationError(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        for (Throwable error = context.getStartupFailure(); error != null; error = error.getCause()) {
            if (error instanceof AwsBidiConfigurationException configuration) {
                return configuration;
            }
        }
        throw new AssertionError("no AwsBidiConfigurationException in " + context.getStartupFailure());
    }

    private static BidiEmulator emulator(AssertableApplicationContext context) {
        return context.getBean(BidiEmulator.class);
    }
}
