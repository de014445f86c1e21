package io.github.awsbidi.sample.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageMessagesTests {

    @Test
    void everyMessageNamesItsType() {
        assertThat(PageMessages.json(new PageMessage.Transcript("USER", "FINAL", "hi")))
                .isEqualTo("{\"type\":\"transcript\",\"role\":\"USER\",\"stage\":\"FINAL\",\"text\":\"hi\"}");
        assertThat(PageMessages.json(new PageMessage.BargeIn())).isEqualTo("{\"type\":\"bargeIn\"}");
        assertThat(PageMessages.json(new PageMessage.Latency(120))).isEqualTo("{\"type\":\"latency\",\"millis\":120}");
        assertThat(PageMessages.json(new PageMessage.ToolCall("getWeather", Map.of("location", "Seattle"))))
                .isEqualTo("{\"type\":\"tool\",\"name\":\"getWeather\",\"arguments\":{\"location\":\"Seattle\"}}");
        assertThat(PageMessages.json(new PageMessage.Result(true, "he")))
                .isEqualTo("{\"type\":\"result\",\"interim\":true,\"text\":\"he\"}");
    }

    @Test
    void theMicrophoneRateComesFromTheQueryAndIsChecked() {
        assertThat(MicrophoneRate.of(URI.create("ws://h/voice/ws?rate=44100")).hertz())
                .isEqualTo(44_100);
        assertThat(MicrophoneRate.of(URI.create("ws://h/voice/ws")).hertz()).isEqualTo(48_000);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MicrophoneRate.of(URI.create("ws://h/voice/ws?rate=9")))
                .withMessage("rate must be from 8000 to 192000 Hz, got 9");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MicrophoneRate.of(URI.create("ws://h/voice/ws?rate=x")))
                .withMessageContaining("rate must be an integer");
    }

    @Test
    void closeReasonsFitAWebSocketCloseFrame() {
        assertThat(PageMessages.closeReason("x".repeat(300))).hasSize(120).endsWith("...");
        assertThat(PageMessages.closeReason(null)).isEqualTo("null");
    }
}
