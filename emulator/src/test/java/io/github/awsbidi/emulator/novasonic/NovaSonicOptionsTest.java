package io.github.awsbidi.emulator.novasonic;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NovaSonicOptionsTest {

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
    void withersChangeOneOptionEach() {
        NovaSonicOptions options = NovaSonicOptions.defaults().withTimeScale(0.5).withBargeIn(false)
                .withInstabilityAfterEvents(3).withAudioTranscript("hi").withAudioIdleTimeout(Duration.ofSeconds(40));

        assertThat(options).isEqualTo(new NovaSonicOptions(0.5, Duration.ofMinutes(8), Duration.ofSeconds(175),
                Duration.ofSeconds(40), Map.of("weather", "getWeather"), false, 0.02, Duration.ofMillis(500), 3, Duration.ofMillis(200),
                Duration.ofMillis(60), Duration.ofMillis(80), "hi"));
    }

    @Test
    void durationsAreScaledByTheTimeScale() {
        assertThat(NovaSonicOptions.defaults().withTimeScale(0.01).scaledNanos(Duration.ofSeconds(175)))
                .isEqualTo(Duration.ofMillis(1750).toNanos());
    }

    @Test
    void triggersKeepTheirOrderAndCannotBeChanged() {
        Map<String, String> triggers = new LinkedHashMap<>();
        triggers.put("weather", "getWeather");
        triggers.put("time", "getTime");
        NovaSonicOptions options = NovaSonicOptions.defaults().withToolTriggers(triggers);
        triggers.clear();

        assertThat(options.toolTriggers()).containsExactly(Map.entry("weather", "getWeather"),
                Map.entry("time", "getTime"));
    }

    @Test
    void invalidValuesAreRejectedByName() {
        NovaSonicOptions defaults = NovaSonicOptions.defaults();
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withTimeScale(0)).withMessageContaining("timeScale");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withSessionLimit(Duration.ZERO))
                .withMessageContaining("sessionLimit");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withSpeechRmsThreshold(1.5))
                .withMessageContaining("speechRmsThreshold");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withInstabilityAfterEvents(0))
                .withMessageContaining("instabilityAfterEvents");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withAudioChunkDuration(Duration.ofMillis(5)))
                .withMessageContaining("audioChunkDuration");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.withResponseDelay(Duration.ofMillis(-1)))
                .withMessageContaining("responseDelay");
    }
}
