package io.github.awsbidi.novasonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.core.InvalidSettingException;
import io.github.awsbidi.novasonic.event.EndpointingSensitivity;
import io.github.awsbidi.novasonic.event.ToolChoice;
import io.github.awsbidi.novasonic.history.Turn;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class NovaSonicSettingsTests {

    private static final ToolHandler NOTHING = call -> Mono.empty();

    @Test
    void defaults() {
        NovaSonicSettings settings = NovaSonicSettings.defaults();

        assertThat(settings.voiceId()).isEqualTo("matthew");
        assertThat(settings.inputSampleRate()).isEqualTo(16_000);
        assertThat(settings.outputSampleRate()).isEqualTo(24_000);
        assertThat(settings.maxTokens()).isEqualTo(1024);
        assertThat(settings.topP()).isEqualTo(0.9);
        assertThat(settings.temperature()).isEqualTo(0.7);
        assertThat(settings.endpointingSensitivity()).isEqualTo(EndpointingSensitivity.MEDIUM);
        assertThat(settings.systemPrompt()).isEqualTo(NovaSonicSettings.DEFAULT_SYSTEM_PROMPT);
        assertThat(settings.toolChoice()).isNull();
        assertThat(settings.tools()).isEmpty();
        assertThat(settings.history()).isEmpty();
        assertThat(settings.renewal().enabled()).isTrue();
        assertThat(settings.renewal().threshold()).isEqualTo(Duration.ofMinutes(6));
        assertThat(settings.renewal().forceAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.renewal().audioReplay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.recovery().enabled()).isTrue();
    }

    @Test
    void builderRoundTrip() {
        NovaSonicSettings settings = NovaSonicSettings.builder()
                .systemPrompt("Be brief.")
                .voiceId("tiffany")
                .inputSampleRate(8_000)
                .outputSampleRate(16_000)
                .maxTokens(10_000)
                .topP(1)
                .temperature(0)
                .endpointingSensitivity(EndpointingSensitivity.HIGH)
                .tool("getWeather", "Weather for a city", "{\"type\":\"object\"}", NOTHING)
                .toolChoice(ToolChoice.tool("getWeather"))
                .history(List.of(Turn.user("hi")))
                .renewal(NovaSonicSettings.Renewal.disabled())
                .recovery(NovaSonicSettings.Recovery.disabled())
                .build();

        assertThat(settings.toBuilder().build()).isEqualTo(settings);
        assertThat(settings.tool("getWeather")).isNotNull();
        assertThat(settings.tool("other")).isNull();
    }

    @Test
    void rangesNameTheFieldAndTheLimit() {
        assertInvalid(() -> NovaSonicSettings.builder().maxTokens(0).build(), "maxTokens", "between 1 and 10000");
        assertInvalid(() -> NovaSonicSettings.builder().maxTokens(10_001).build(), "maxTokens", "was 10001");
        assertInvalid(() -> NovaSonicSettings.builder().topP(1.5).build(), "topP", "between 0 and 1");
        assertInvalid(() -> NovaSonicSettings.builder().topP(Double.NaN).build(), "topP", "between 0 and 1");
        assertInvalid(() -> NovaSonicSettings.builder().temperature(-0.1).build(), "temperature", "between 0 and 1");
        assertInvalid(
                () -> NovaSonicSettings.builder().inputSampleRate(48_000).build(),
                "inputSampleRate",
                "8000, 16000 or 24000");
        assertInvalid(
                () -> NovaSonicSettings.builder().outputSampleRate(44_100).build(), "outputSampleRate", "was 44100");
        assertInvalid(() -> NovaSonicSettings.builder().voiceId(" ").build(), "voiceId", "blank");
    }

    @Test
    void toolsAreValidated() {
        assertInvalid(
                () -> NovaSonicSettings.builder()
                        .tool("get weather", "d", "{}", NOTHING)
                        .build(),
                "tools[0].name",
                "1 to 64 letters");
        assertInvalid(
                () -> NovaSonicSettings.builder()
                        .tool("a", "d", "{}", NOTHING)
                        .tool("a", "e", "{}", NOTHING)
                        .build(),
                "tools[1].name",
                "unique");
        assertInvalid(
                () -> NovaSonicSettings.builder().tool("a", " ", "{}", NOTHING).build(),
                "tools[0].description",
                "blank");
        assertInvalid(
                () -> NovaSonicSettings.builder()
                        .tool("a", "d", "{not json", NOTHING)
                        .build(),
                "tools[0].inputSchema",
                "JSON object");
        assertInvalid(
                () -> NovaSonicSettings.builder().tool("a", "d", "[]", NOTHING).build(),
                "tools[0].inputSchema",
                "JSON object");
        assertInvalid(
                () -> NovaSonicSettings.builder()
                        .tool("a", "d", "{}", NOTHING)
                        .toolChoice(ToolChoice.tool("b"))
                        .build(),
                "toolChoice",
                "was b");
        assertInvalid(
                () -> NovaSonicSettings.builder().toolChoice(ToolChoice.any()).build(),
                "toolChoice",
                "at least one tool");
    }

    @Test
    void renewalAndRecoveryAreValidated() {
        assertInvalid(
                () -> new NovaSonicSettings.Renewal(
                        true, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
                "renewal.threshold",
                "positive");
        assertInvalid(
                () -> new NovaSonicSettings.Renewal(
                        true,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(31),
                        Duration.ofSeconds(1)),
                "renewal.audioReplay",
                "between 0 and 30 s");
        assertInvalid(
                () -> new NovaSonicSettings.Recovery(true, -1, Duration.ofMillis(1), Duration.ofMillis(1)),
                "recovery.maxAttempts",
                "between 0 and 100");
        assertInvalid(
                () -> new NovaSonicSettings.Recovery(true, 1, Duration.ofSeconds(2), Duration.ofSeconds(1)),
                "recovery.maxBackoff",
                "not be shorter");
    }

    private static void assertInvalid(ThrowingCallable build, String field, String message) {
        assertThatThrownBy(build)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(field + " ")
                .hasMessageContaining(message)
                .satisfies(
                        e -> assertThat(((InvalidSettingException) e).field()).isEqualTo(field));
    }
}
