package io.github.awsbidi.sample.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PageMessagesTests {

    @Test
    void everyMessageNamesItsType() {
        assertThat(PageMessages.json(new PageMessage.State("connected", "x-1")))
                .isEqualTo("{\"type\":\"state\",\"state\":\"connected\",\"detail\":\"x-1\"}");
        assertThat(PageMessages.json(new PageMessage.Speech(16_000)))
                .isEqualTo("{\"type\":\"speech\",\"sampleRate\":16000}");
        assertThat(PageMessages.json(new PageMessage.Spoken(63)))
                .isEqualTo("{\"type\":\"spoken\",\"requestCharacters\":63}");
        assertThat(PageMessages.json(new PageMessage.Error("CLIENT", "no")))
                .isEqualTo("{\"type\":\"error\",\"kind\":\"CLIENT\",\"message\":\"no\"}");
        assertThat(PageMessages.json(new PageMessage.Result(true, "he")))
                .isEqualTo("{\"type\":\"result\",\"interim\":true,\"text\":\"he\"}");
    }

    @Test
    void theMicrophoneRateComesFromTheQueryAndIsChecked() {
        assertThat(MicrophoneRate.of(URI.create("ws://h/transcriber/ws?rate=44100"))
                        .hertz())
                .isEqualTo(44_100);
        assertThat(MicrophoneRate.of(URI.create("ws://h/transcriber/ws")).hertz())
                .isEqualTo(48_000);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MicrophoneRate.of(URI.create("ws://h/transcriber/ws?rate=9")))
                .withMessage("rate must be from 8000 to 192000 Hz, got 9");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MicrophoneRate.of(URI.create("ws://h/transcriber/ws?rate=x")))
                .withMessageContaining("rate must be an integer");
    }

    @Test
    void closeReasonsFitAWebSocketCloseFrame() {
        assertThat(PageMessages.closeReason("x".repeat(300))).hasSize(120).endsWith("...");
        assertThat(PageMessages.closeReason(null)).isEqualTo("null");
    }
}
