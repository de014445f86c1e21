package io.github.awsbidi.realtime.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code audio/pcmu} and {@code audio/pcma} (G.711 at 8 kHz, one byte per sample) on the wire both ways: the client
 * speaks G.711, the model hears the right length of speech, and its answer comes back as G.711 at 8 kHz. The test's
 * own G.711 decoders follow ITU-T G.711's tables (and its encoder is their inverse), independent of the façade's codecs.
 */
class G711Tests {

    private RealtimeFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void muLawBothWays() {
        converse("audio/pcmu", G711Tests::muLawDecode);
    }

    @Test
    void aLawBothWays() {
        converse("audio/pcma", G711Tests::aLawDecode);
    }

    private void converse(String format, IntUnaryOperator decoder) {
        fixture = new RealtimeFixture();
        try (RealtimeTestClient client = fixture.connect()) {
            client.next("session.created");
            client.send("{\"type\":\"session.update\",\"session\":{\"audio\":{\"input\":{\"format\":{\"type\":\""
                    + format + "\"}},\"output\":{\"format\":{\"type\":\"" + format + "\"}}}}}");
            JsonNode session = client.next("session.updated").path("session");
            assertThat(session.at("/audio/input/format/type").asString()).isEqualTo(format);
            assertThat(session.at("/audio/output/format/type").asString()).isEqualTo(format);
            assertThat(session.at("/audio/input/format").has("rate")).isFalse();

            // 0.8 s of speech and 1.2 s of silence at 8 kHz, one byte a sample, in 100 ms appends.
            byte[] pcm = Audio.concat(Audio.speech(8_000, 0.8), Audio.silence(8_000, 1.2));
            byte[] g711 = encode(pcm, decoder);
            assertThat(g711).hasSize(16_000);
            client.sendAudio(g711, 800);

            // Heard as 0.8 s: decoded from G.711 and sent to the model at 8 kHz (read as 16-bit PCM, or at another
            // rate, it would be another length).
            assertThat(client.next("conversation.item.input_audio_transcription.completed")
                            .path("transcript")
                            .asString())
                    .isEqualTo("heard 0.8 seconds of speech");
            JsonNode done = client.next("response.done");
            assertThat(done.at("/response/status").asString()).isEqualTo("completed");
            assertThat(done.at("/response/audio/output/format/type").asString()).isEqualTo(format);

            List<byte[]> deltas = client.events.stream()
                    .filter(event -> event.path("type").asString().equals("response.output_audio.delta"))
                    .map(event -> Base64.getDecoder().decode(event.path("delta").asString()))
                    .toList();
            String transcript = client.events.stream()
                    .filter(event -> event.path("type").asString().equals("response.output_audio_transcript.done"))
                    .map(event -> event.path("transcript").asString())
                    .findFirst()
                    .orElseThrow();
            ByteArrayOutputStream audio = new ByteArrayOutputStream();
            deltas.forEach(audio::writeBytes);
            byte[] answer = audio.toByteArray();
            // The emulator speaks 60 ms per character of its answer: at 8 kHz and one byte a sample, 480 bytes each.
            assertThat(answer).hasSize(transcript.length() * 480);
            // 80 ms chunks: 640 samples, 640 bytes (a 16-bit or 24 kHz answer would be 2 or 6 times that).
            assertThat(deltas.subList(0, deltas.size() - 1))
                    .allSatisfy(delta -> assertThat(delta).hasSize(640));
            // It decodes to speech: loud, and not the same byte over and over.
            int peak = 0;
            for (byte code : answer) {
                peak = Math.max(peak, Math.abs(decoder.applyAsInt(code & 0xFF)));
            }
            assertThat(peak).isGreaterThan(4_000);
            assertThat(client.types()).doesNotContain("error");
        }
    }

    /** ITU-T G.711 µ-law: code (0..255) to a 16-bit sample. */
    static int muLawDecode(int code) {
        int u = ~code & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int magnitude = ((((u & 0x0F) << 3) + 0x84) << exponent) - 0x84;
        return (u & 0x80) != 0 ? -magnitude : magnitude;
    }

    /** ITU-T G.711 A-law: code (0..255) to a 16-bit sample. */
    static int aLawDecode(int code) {
        int a = (code ^ 0x55) & 0xFF;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0F;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }

    /** 16-bit little-endian PCM to the codes whose decoded values are nearest. */
    private static byte[] encode(byte[] pcm, IntUnaryOperator decoder) {
        byte[] codes = new byte[pcm.length / 2];
        for (int i = 0; i < codes.length; i++) {
            int sample = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
            int best = 0;
            for (int code = 1; code < 256; code++) {
                if (Math.abs(decoder.applyAsInt(code) - sample) < Math.abs(decoder.applyAsInt(best) - sample)) {
                    best = code;
                }
            }
            codes[i] = (byte) best;
        }
        return codes;
    }
}
