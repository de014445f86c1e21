package io.github.awsbidi.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.autoconfigure.emulator.AwsBidiEmulatorAutoConfiguration;
import io.github.awsbidi.novasonic.Conversation;
import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.novasonic.NovaSonicTool;
import io.github.awsbidi.novasonic.ToolHandler;
import io.github.awsbidi.novasonic.event.EndpointingSensitivity;
import io.github.awsbidi.novasonic.event.GenerationStage;
import io.github.awsbidi.novasonic.event.Role;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Nova Sonic client registered beside each Bedrock session. */
class NovaSonicBeansTests {

    private static final String PREFIX = "aws.bidi.bedrock.sessions.assistant.";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AwsBidiEmulatorAutoConfiguration.class,
                    AwsBidiAutoConfiguration.class,
                    NovaSonicAutoConfiguration.class))
            .withPropertyValues("aws.bidi.emulator.enabled=true", PREFIX + "model-id=amazon.nova-2-sonic-v1:0");

    @Test
    void eachBedrockSessionGetsANovaSonicBeanWithItsPropertySettings() {
        contextRunner
                .withPropertyValues(
                        PREFIX + "nova-sonic.voice-id=tiffany",
                        PREFIX + "nova-sonic.top-p=0.5",
                        PREFIX + "nova-sonic.endpointing-sensitivity=HIGH",
                        PREFIX + "nova-sonic.renewal.threshold=5m",
                        PREFIX + "nova-sonic.recovery.enabled=false")
                .run(context -> {
                    NovaSonic novaSonic = context.getBean("assistantNovaSonic", NovaSonic.class);
                    assertThat(novaSonic.session()).isSameAs(context.getBean("assistant"));
                    assertThat(novaSonic.settings().voiceId()).isEqualTo("tiffany");
                    assertThat(novaSonic.settings().topP()).isEqualTo(0.5);
                    assertThat(novaSonic.settings().endpointingSensitivity()).isEqualTo(EndpointingSensitivity.HIGH);
                    assertThat(novaSonic.settings().renewal().threshold()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(novaSonic.settings().renewal().enabled()).isTrue();
                    assertThat(novaSonic.settings().recovery().enabled()).isFalse();
                    assertThat(novaSonic.settings().maxTokens()).isEqualTo(1024);
                });
    }

    @Test
    void toolBeansAndCustomizersAreApplied() {
        NovaSonicTool weather = new NovaSonicTool(
                "getWeather",
                "Current weather for a city",
                "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}}}",
                ToolHandler.blocking(call -> Map.of("temperature", 21)));
        contextRunner
                .withBean(NovaSonicTool.class, () -> weather)
                .withBean(
                        NovaSonicCustomizer.class, () -> (name, settings) -> settings.systemPrompt("Be brief, " + name))
                .run(context -> {
                    NovaSonic novaSonic = context.getBean("assistantNovaSonic", NovaSonic.class);
                    assertThat(novaSonic.settings().tools())
                            .extracting(NovaSonicTool::name)
                            .containsExactly("getWeather");
                    assertThat(novaSonic.settings().systemPrompt()).isEqualTo("Be brief, assistant");
                });
    }

    @Test
    void aConversationOnTheInjectedClientAnswersATextTurnWithTheEmulator() {
        contextRunner.run(context -> {
            Conversation conversation = context.getBean("assistantNovaSonic", NovaSonic.class)
                    .start()
                    .block(Duration.ofSeconds(30));
            var events = conversation
                    .events()
                    .filter(event -> event instanceof ConversationEvent.Transcript)
                    .cast(ConversationEvent.Transcript.class)
                    .filter(transcript ->
                            transcript.role() == Role.ASSISTANT && transcript.stage() == GenerationStage.FINAL)
                    .next()
                    .toFuture();
            conversation.sendText("hello there").block(Duration.ofSeconds(30));
            assertThat(events.get(30, java.util.concurrent.TimeUnit.SECONDS).text())
                    .contains("hello there");
            conversation.close().block(Duration.ofSeconds(30));
        });
    }

    @Test
    void aValueNovaSonicRejectsFailsStartupNamingTheProperty() {
        contextRunner.withPropertyValues(PREFIX + "nova-sonic.top-p=2").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new AwsBidiConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains(PREFIX + "nova-sonic.top-p");
            assertThat(analysis.getAction()).contains(PREFIX + "nova-sonic.top-p");
        });
    }

    @Test
    void anUnknownNovaSonicKeyFailsStartup() {
        contextRunner.withPropertyValues(PREFIX + "nova-sonic.voice=matthew").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new AwsBidiConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("nova-sonic.voice");
            assertThat(analysis.getAction()).contains("voice-id");
        });
    }

    @Test
    void aNova25SonicSessionGetsTheBeanToo() {
        contextRunner
                .withPropertyValues(PREFIX + "model-id=amazon.nova-2-5-sonic")
                .run(context -> assertThat(context).hasBean("assistantNovaSonic"));
    }

    @Test
    void aBedrockSessionOnAnotherModelGetsNoNovaSonicBeanUnlessEnabled() {
        contextRunner
                .withPropertyValues(PREFIX + "model-id=echo-model")
                .run(context -> assertThat(context)
                        .doesNotHaveBean("assistantNovaSonic")
                        .hasBean("assistant"));
        contextRunner
                .withPropertyValues(PREFIX + "model-id=echo-model", PREFIX + "nova-sonic.enabled=true")
                .run(context -> assertThat(context).hasBean("assistantNovaSonic"));
    }

    @Test
    void novaSonicEnabledFalseRegistersNoBeanEvenForANovaSonicModel() {
        contextRunner
                .withPropertyValues(PREFIX + "nova-sonic.enabled=false")
                .run(context -> assertThat(context)
                        .doesNotHaveBean("assistantNovaSonic")
                        .hasBean("assistant"));
    }

    @Test
    void withoutTheNovaSonicModuleTheSessionStaysAndNoNovaSonicBeanIsRegistered() {
        contextRunner
                .withClassLoader(new FilteredClassLoader(NovaSonic.class))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean("assistantNovaSonic")
                        .hasBean("assistant"));
    }

    @Test
    void sageMakerSessionsGetNoNovaSonicBean() {
        contextRunner
                .withPropertyValues("aws.bidi.sagemaker.sessions.echo.endpoint-name=echo")
                .run(context ->
                        assertThat(context.getBeanNamesForType(NovaSonic.class)).containsExactly("assistantNovaSonic"));
    }

    @Test
    void conversationsGetMetersPerSessionWhenAMeterRegistryExists() {
        contextRunner
                .withBean(
                        io.micrometer.core.instrument.MeterRegistry.class,
                        io.micrometer.core.instrument.simple.SimpleMeterRegistry::new)
                .run(context -> {
                    assertThat(context).hasSingleBean(NovaSonicListenerFactory.class);
                    assertThat(context.getBean(NovaSonicListenerFactory.class).listener("assistant"))
                            .isInstanceOf(io.github.awsbidi.novasonic.micrometer.NovaSonicMeters.class);
                    assertThat(context).hasBean("assistantNovaSonic");
                });
        contextRunner.run(context -> assertThat(context).doesNotHaveBean(NovaSonicListenerFactory.class));
    }

    @Test
    void theDrainClosesTheConversationsOfEveryNovaSonicBean() {
        contextRunner.run(context -> assertThat(context).hasSingleBean(DrainParticipant.class));
    }
}
