package io.github.awsbidi.novasonic.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcmResamplerTests {

    @ParameterizedTest
    @CsvSource({"48000,16000", "24000,16000", "8000,16000", "44100,16000", "16000,24000", "24000,8000"})
    void aSineKeepsItsFrequencyAndLevel(int from, int to) {
        byte[] input = Signals.sine(440, from, 1.0, 0.5);

        byte[] output = PcmResampler.resample(input, from, to);

        assertThat(output).hasSize(2 * to);
        // 440 Hz crosses zero 880 times a second; the first and last 10 ms are where the filter sees silence.
        int skip = to / 100;
        assertThat(Signals.zeroCrossings(output, skip)).isCloseTo((int) Math.round(880 * 0.98), within(2));
        assertThat(Signals.middleRms(output, skip)).isCloseTo(0.5 / Math.sqrt(2), within(0.005));
    }

    @Test
    void downsamplingFiltersOutWhatWouldAlias() {
        // 10 kHz is above 16 kHz's Nyquist (8 kHz): without a low-pass it would fold down to 6 kHz.
        byte[] input = Signals.sine(10_000, 48_000, 0.5, 0.5);

        byte[] output = PcmResampler.resample(input, 48_000, 16_000);

        double attenuationDb = 20 * Math.log10(Signals.middleRms(output, 160) / (0.5 / Math.sqrt(2)));
        assertThat(attenuationDb).isLessThan(-60);
    }

    @Test
    void thePassBandIsFlat() {
        byte[] input = Signals.sine(5_000, 48_000, 0.5, 0.5);

        byte[] output = PcmResampler.resample(input, 48_000, 16_000);

        double gainDb = 20 * Math.log10(Signals.middleRms(output, 160) / (0.5 / Math.sqrt(2)));
        assertThat(gainDb).isCloseTo(0, within(0.1));
    }

    @ParameterizedTest
    @CsvSource({"48000,16000", "8000,16000", "16000,16000", "44100,16000"})
    void piecesOfAnySizeGiveTheSameOutputAsOneClip(int from, int to) {
        byte[] input = Signals.sine(300, from, 0.3, 0.8);
        byte[] whole = PcmResampler.resample(input, from, to);

        PcmResampler resampler = new PcmResampler(from, to);
        ByteArrayOutputStream pieces = new ByteArrayOutputStream();
        Random random = new Random(42);
        int offset = 0;
        while (offset < input.length) {
            int length = Math.min(input.length - offset, 1 + random.nextInt(999));
            byte[] piece = new byte[length];
            System.arraycopy(input, offset, piece, 0, length);
            pieces.writeBytes(resampler.process(piece));
            offset += length;
        }
        pieces.writeBytes(resampler.flush());

        assertThat(pieces.toByteArray()).isEqualTo(whole);
    }

    @Test
    void flushStartsANewStream() {
        PcmResampler resampler = new PcmResampler(48_000, 16_000);
        byte[] clip = Signals.sine(440, 48_000, 0.1, 0.5);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        first.writeBytes(resampler.process(clip));
        first.writeBytes(resampler.flush());
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        second.writeBytes(resampler.process(clip));
        second.writeBytes(resampler.flush());

        assertThat(second.toByteArray()).isEqualTo(first.toByteArray()).hasSize(3200);
    }

    @Test
    void ratesAreValidated() {
        assertThatThrownBy(() -> new PcmResampler(0, 16_000)).hasMessageContaining("inputRate");
        assertThatThrownBy(() -> new PcmResampler(16_000, 500_000))
                .hasMessageContaining("outputRate")
                .hasMessageContaining("384000");
    }
}
