package io.github.awsbidi.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioClipTests {

    @Test
    void theGeneratedVoiceAlternatesSpeechAndSilence() {
        AudioClip clip = AudioClip.voiceLike();

        int voiced = 0;
        int changes = 0;
        for (int i = 0; i < clip.frameCount(); i++) {
            voiced += clip.voiced(i) ? 1 : 0;
            changes += clip.voiced(i) != clip.voiced(i + 1) ? 1 : 0;
        }
        // 12 s = 375 frames: four utterances of 1.6 s (50 frames each) with silence between.
        assertThat(clip.frameCount()).isEqualTo(375);
        assertThat(voiced).isBetween(170, 205);
        assertThat(changes).isEqualTo(8);
        assertThat(clip.frame(0)).hasSize(AudioClip.FRAME_BYTES);
        assertThat(clip.frame(375)).isSameAs(clip.frame(0));
    }

    @Test
    void readsTheDataOfA16kMonoWav(@TempDir Path dir) throws IOException {
        byte[] pcm = new byte[AudioClip.FRAME_BYTES * 3];
        pcm[5] = 7;
        Path file = Files.write(dir.resolve("a.wav"), wav(16_000, 1, 16, pcm));

        AudioClip clip = AudioClip.fromWav(file);

        assertThat(clip.frameCount()).isEqualTo(3);
        assertThat(clip.frame(0)[5]).isEqualTo((byte) 7);
        assertThat(clip.voiced(0)).isFalse();
    }

    @Test
    void otherFormatsAreRefusedNamingTheOptionAndTheFormatNeeded(@TempDir Path dir) throws IOException {
        Path stereo = Files.write(dir.resolve("b.wav"), wav(44_100, 2, 16, new byte[4096]));
        Path text = Files.writeString(dir.resolve("c.wav"), "hello, not audio");
        Path tiny = Files.write(dir.resolve("d.wav"), wav(16_000, 1, 16, new byte[100]));

        assertThatThrownBy(() -> AudioClip.fromWav(stereo))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("--audio: ")
                .hasMessageContaining("must be 16000 Hz, 16-bit, mono PCM; it is" + " 44100 Hz, 16-bit, 2 channel(s)");
        assertThatThrownBy(() -> AudioClip.fromWav(text)).hasMessageEndingWith("is not a RIFF/WAVE file");
        assertThatThrownBy(() -> AudioClip.fromWav(tiny)).hasMessageContaining("less than one 32 ms frame");
    }

    static byte[] wav(int rate, int channels, int bits, byte[] pcm) {
        ByteBuffer out = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + pcm.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) channels)
                .putInt(rate)
                .putInt(rate * channels * bits / 8)
                .putShort((short) (channels * bits / 8))
                .putShort((short) bits)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(pcm.length)
                .put(pcm);
        return out.array();
    }
}
