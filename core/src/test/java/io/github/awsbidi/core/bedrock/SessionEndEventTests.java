package io.github.awsbidi.core.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SessionEndEventTests {

    @Test
    void recognisesTheSessionEndEventWhateverItsSpacing() {
        assertThat(SessionEndEvent.matches(utf8("{\"event\":{\"sessionEnd\":{}}}")))
                .isTrue();
        assertThat(SessionEndEvent.matches(utf8("{ \"event\" : { \"sessionEnd\" : { } } }")))
                .isTrue();
    }

    @Test
    void otherEventsAreNotASessionEnd() {
        assertThat(SessionEndEvent.matches(utf8("{\"event\":{\"promptEnd\":{\"promptName\":\"p\"}}}")))
                .isFalse();
        assertThat(SessionEndEvent.matches(utf8("{\"event\":{\"textInput\":{\"content\":\"sessionEnd\"}}}")))
                .as("the word as a text's content, not a key")
                .isFalse();
        assertThat(SessionEndEvent.matches(utf8("{\"content\":\"sessionEnd\" }")))
                .isFalse();
        assertThat(SessionEndEvent.matches(utf8("\"sessionEn"))).isFalse();
        assertThat(SessionEndEvent.matches(utf8(""))).isFalse();
    }

    @Test
    void findsTheKeyWhereverItStandsAmongOtherBytes() {
        assertThat(SessionEndEvent.matches(utf8("{\"c\":\"sessionEnd\",\"event\":{\"sessionEnd\":{}}}")))
                .as("after the word as content")
                .isTrue();
        for (int offset = 0; offset < 40; offset++) {
            String prefix = "{\"x\":\"" + "esd\"n".repeat(8).substring(0, offset) + "\",";
            assertThat(SessionEndEvent.matches(utf8(prefix + "\"sessionEnd\":{}}")))
                    .as("at offset %d", offset)
                    .isTrue();
            assertThat(SessionEndEvent.matches(utf8(prefix + "\"sessionEnD\":{}}")))
                    .as("a near miss at offset %d", offset)
                    .isFalse();
        }
    }

    @Test
    void largeChunksAreNeverLookedAt() {
        String padded = "{\"event\":{\"sessionEnd\":{}}}" + " ".repeat(SessionEndEvent.MAX_SIZE);
        assertThat(SessionEndEvent.matches(utf8(padded))).isFalse();
        String atLimit = "{\"event\":{\"sessionEnd\":{}}}";
        atLimit = atLimit + " ".repeat(SessionEndEvent.MAX_SIZE - atLimit.length());
        assertThat(SessionEndEvent.matches(utf8(atLimit))).isTrue();
    }

    @Test
    void readsInPlaceFromTheBuffersPosition() {
        ByteBuffer buffer = ByteBuffer.wrap("xx\"sessionEnd\":{}".getBytes(StandardCharsets.US_ASCII));
        buffer.position(2);
        assertThat(SessionEndEvent.matches(buffer)).isTrue();
        assertThat(buffer.position()).isEqualTo(2);
        buffer.position(3);
        assertThat(SessionEndEvent.matches(buffer)).isFalse();
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
