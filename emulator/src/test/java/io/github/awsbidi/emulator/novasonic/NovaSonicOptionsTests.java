package io.github.awsbidi.emulator.novasonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NovaSonicOptionsTests {

    @Test
    void defaultsMatchTheService() {
        NovaSonicOptions options = NovaSonicOptions.defaults();

        assertThat(options.timeScale()).isEqualTo(1.0);
        assertThat(options.sessionLimit()).isEqualTo(Duration.ofMinutes(8));
        assertThat(options.silenceTimeout()).isEqualTo(Duration.ofSeconds(175));
        assertThat(options.toolTriggers()).containsExactly(Map.entry("weather", "getWeather"));
        assertThat(options.bargeIn()).isTrue();
        assertThat(options.speechRmsThreshold()).isEqualTo(0.02);
        assertThat(options.endOfSpeechSilence()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.instabilityAfterEvents()).isNull();
        assertThat(options.responseDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(options.speechPerCharacter()).isEqualTo(Duration.ofMillis(60));
        assertThat(options.audioChunkDuration()).isEqualTo(Duration.ofMillis(80));
        assertThat(options.audioTranscript()).isNull();
    }

    @Test
    void builderChangesOneOptionEach() {
        NovaSonicOptions options = NovaSonicOptions.builder()
                .timeScale(0.5)
                .bargeIn(false)
                .instabilityAfterEvents(3)
                .audioTranscript("hi")
                .audioIdleTimeout(Duration.ofSeconds(40))
                .build();

        assertThat(options)
                .isEqualTo(new NovaSonicOptions(
                        0.5,
                        Duration.ofMinutes(8),
                        Duration.ofSeconds(175),
                        Duration.ofSeconds(40),
                        Map.of("weather", "getWeather"),
                        false,
                        0.02,
                        Duration.ofMillis(500),
                        3,
                        Duration.ofMillis(200),
                        Duration.ofMillis(60),
                        Duration.ofMillis(80),
                        "hi"));
    }

    @Test
    void toBuilderStartsFromEveryOption() {
        NovaSonicOptions options = new NovaSonicOptions(
                0.5,
                Duration.ofMinutes(2),
                Duration.ofSeconds(20),
                Duration.ofSeconds(40),
                Map.of("time", "getTime"),
                false,
                0.1,
                Duration.ofMillis(300),
                3,
                Duration.ofMillis(20),
                Duration.ofMillis(30),
                Duration.ofMillis(40),
                "hi");

        assertThat(options.toBuilder().build()).isEqualTo(options);
        assertThat(options.toBuilder().timeScale(0.25).build())
                .isEqualTo(new NovaSonicOptions(
                        0.25,
                        Duration.ofMinutes(2),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(40),
                        Map.of("time", "getTime"),
                        false,
                        0.1,
                        Duration.ofMillis(300),
                        3,
                        Duration.ofMillis(20),
                        Duration.ofMillis(30),
                        Duration.ofMillis(40),
                        "hi"));
    }

    @Test
    void durationsAreScaledByTheTimeScale() {
        assertThat(NovaSonicOptions.builder().timeScale(0.01).build().scaledNanos(Duration.ofSeconds(175)))
                .isEqualTo(Duration.ofMillis(1750).toNanos());
    }

    @Test
    void triggersKeepTheirOrderAndCannotBeChanged() {
        Map<String, String> triggers = new LinkedHashMap<>();
        triggers.put("weather", "getWeather");
        triggers.put("time", "getTime");
        NovaSonicOptions options =
                NovaSonicOptions.builder().toolTriggers(triggers).build();
        triggers.clear();

        assertThat(options.toolTriggers())
                .containsExactly(Map.entry("weather", "getWeather"), Map.entry("time", "getTime"));
    }

    @Test
    void invalidValuesAreRejectedByName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NovaSonicOptions.builder().timeScale(0).build())
                .withMessageContaining("timeScale");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        NovaSonicOptions.builder().sessionLimit(Duration.ZERO).build())
                .withMessageContaining("sessionLimit");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> NovaSonicOptions.builder().speechRmsThreshold(1.5).build())
                .withMessageContaining("speechRmsThreshold");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        NovaSonicOptions.builder().instabilityAfterEvents(0).build())
                .withMessageContaining("instabilityAfterEvents");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NovaSonicOptions.builder()
                        .audioChunkDuration(Duration.ofMillis(5))
                        .build())
                .withMessageContaining("audioChunkDuration");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NovaSonicOptions.builder()
                        .responseDelay(Duration.ofMillis(-1))
                        .build())
                .withMessageContaining("responseDelay");
    }
}
