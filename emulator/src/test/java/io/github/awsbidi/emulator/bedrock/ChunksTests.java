package io.github.awsbidi.emulator.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.awsbidi.emulator.wire.EventStreamMessage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Chunks read and written without Jackson mean what Jackson makes of them, byte for byte. */
class ChunksTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aResponseChunkIsWhatJacksonWrites() {
        Random random = new Random(22);
        for (int length = 0; length < 300; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);

            byte[] expected =
                    JSON.writeValueAsBytes(Map.of("bytes", Base64.getEncoder().encodeToString(bytes)));

            assertThat(Chunks.chunk(bytes).payload()).isEqualTo(expected);
            assertThat(Chunks.bytes(request(new String(expected, StandardCharsets.US_ASCII))))
                    .isEqualTo(bytes);
        }
    }

    @Test
    void onlyTheCompactFormSkipsJacksonAndEveryOtherFormReadsAsBefore() {
        assertThat(Chunks.isCompact(ascii("{\"bytes\":\"AQID\"}"))).isTrue();
        assertThat(Chunks.isCompact(ascii("{\"bytes\":\"\"}"))).isTrue();
        assertThat(Chunks.isCompact(ascii("{ \"bytes\": \"AQID\" }"))).isFalse();
        assertThat(Chunks.isCompact(ascii("{\"bytes\":\"AQ\\/D\"}"))).isFalse();
        assertThat(Chunks.isCompact(ascii("{\"bytes\":\"AQID\",\"x\":\"1\"}"))).isFalse();

        assertThat(Chunks.bytes(request("{ \"bytes\": \"AQID\" }"))).containsExactly(1, 2, 3);
        assertThat(Chunks.bytes(request("{\"bytes\":\"AQ\\u0049D\"}"))).containsExactly(1, 2, 3);
        assertThatIllegalArgumentException().isThrownBy(() -> Chunks.bytes(request("{\"bytes\":\"A\"}")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Chunks.bytes(request("{\"bytes\":1}")))
                .withMessage("The chunk has no 'bytes' member");
        assertThatIllegalArgumentException().isThrownBy(() -> Chunks.bytes(request("{\"bytes\":\"AQID\"")));
    }

    private static EventStreamMessage request(String json) {
        return EventStreamMessage.event("chunk", "application/json", ascii(json));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
