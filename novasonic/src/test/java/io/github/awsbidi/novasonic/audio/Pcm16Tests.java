package io.github.awsbidi.novasonic.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class Pcm16Tests {

    @Test
    void samplesAreLittleEndian() {
        byte[] pcm = {0x01, 0x02, (byte) 0xff, (byte) 0xff, 0x00, (byte) 0x80};

        assertThat(Pcm16.toSamples(pcm)).containsExactly((short) 0x0201, (short) -1, Short.MIN_VALUE);
        assertThat(Pcm16.toBytes(Pcm16.toSamples(pcm))).isEqualTo(pcm);
    }

    @Test
    void rmsOfSilenceAndOfASine() {
        assertThat(Pcm16.rms(new byte[320])).isZero();
        assertThat(Pcm16.rms(new byte[0])).isZero();
        assertThat(Pcm16.dbfs(new byte[2])).isEqualTo(Double.NEGATIVE_INFINITY);
        byte[] sine = Signals.sine(1000, 16_000, 0.1, 1.0);
        assertThat(Pcm16.rms(sine)).isCloseTo(Math.sqrt(0.5), within(0.001));
        assertThat(Pcm16.dbfs(Signals.sine(1000, 16_000, 0.1, 0.1))).isCloseTo(-23.0, within(0.1));
    }

    @Test
    void base64RoundTrip() {
        byte[] pcm = {1, 0, -1, -1};

        assertThat(Pcm16.toBase64(pcm)).isEqualTo("AQD//w==");
        assertThat(Pcm16.fromBase64("AQD//w==")).isEqualTo(pcm);
    }

    @Test
    void bytesAndDurations() {
        assertThat(Pcm16.bytesFor(16_000, Duration.ofSeconds(3))).isEqualTo(96_000);
        assertThat(Pcm16.bytesFor(44_100, Duration.ofMillis(32))).isEqualTo(2822);
        assertThat(Pcm16.durationOf(32_000, 16_000)).isEqualTo(Duration.ofSeconds(1));
    }
}
