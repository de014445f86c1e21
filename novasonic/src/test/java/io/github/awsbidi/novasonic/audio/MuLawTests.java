package io.github.awsbidi.novasonic.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Against ITU-T G.711's μ-law tables. G.711 gives decoder outputs on a 14-bit scale; on 16 bits each is four times
 * that. Segment ends (decision values) of the positive half: 31, 95, 223, 479, 991, 2015, 4063, 8159, with steps of
 * 2 (the first 1), 4, 8, …, 256; the decoder output is the middle of a step's interval.
 */
class MuLawTests {

    @Test
    void decodesTheTableValues() {
        // Character 0xFF (line bits 1111 1111): segment 1, step 0: output 0.
        assertThat(MuLaw.decode((byte) 0xFF)).isEqualTo((short) 0);
        // 0x7F: the same magnitude with the negative sign, the "negative zero".
        assertThat(MuLaw.decode((byte) 0x7F)).isEqualTo((short) 0);
        // 0xFE: segment 1, step 1: interval 1..3, output 2 (14-bit) = 8.
        assertThat(MuLaw.decode((byte) 0xFE)).isEqualTo((short) 8);
        // 0xF0: segment 1, last step: interval 29..31, output 30 = 120.
        assertThat(MuLaw.decode((byte) 0xF0)).isEqualTo((short) 120);
        // 0xEF: segment 2, step 0: interval 31..35, output 33 = 132.
        assertThat(MuLaw.decode((byte) 0xEF)).isEqualTo((short) 132);
        // 0x8F: segment 8, step 0: interval 4063..4319, output 4191 = 16764.
        assertThat(MuLaw.decode((byte) 0x8F)).isEqualTo((short) 16_764);
        // 0x80: the largest positive output, 8031 = 32124; 0x00 its negative.
        assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) 32_124);
        assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) -32_124);
        // 0x70: negative, segment 1, last step.
        assertThat(MuLaw.decode((byte) 0x70)).isEqualTo((short) -120);
    }

    @Test
    void encodesAtTheDecisionValues() {
        // Decision values of the 14-bit scale, times four: a sample below one stays in the lower interval.
        assertThat(MuLaw.encode((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(MuLaw.encode((short) 3)).isEqualTo((byte) 0xFF);
        assertThat(MuLaw.encode((short) 4)).isEqualTo((byte) 0xFE); // 14-bit 1: step 1
        assertThat(MuLaw.encode((short) 123)).isEqualTo((byte) 0xF0); // below 31 × 4 = 124
        assertThat(MuLaw.encode((short) 124)).isEqualTo((byte) 0xEF); // 31: segment 2
        assertThat(MuLaw.encode((short) 16_251)).isEqualTo((byte) 0x90); // below 4063 × 4: segment 7, last step
        assertThat(MuLaw.encode((short) 16_252)).isEqualTo((byte) 0x8F); // 4063: segment 8
        assertThat(MuLaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0x80); // overload clips to the top code
        assertThat(MuLaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(MuLaw.encode((short) -4)).isEqualTo((byte) 0x7E);
        assertThat(MuLaw.encode((short) -1)).isEqualTo((byte) 0x7F);
    }

    @Test
    void everyCodeButNegativeZeroSurvivesARoundTrip() {
        for (int code = 0; code < 256; code++) {
            byte expected = code == 0x7F ? MuLaw.SILENCE : (byte) code;
            assertThat(MuLaw.encode(MuLaw.decode((byte) code)))
                    .as("code %02x", code)
                    .isEqualTo(expected);
        }
    }

    @Test
    void decodedValuesRiseWithTheCodeWithinEachSign() {
        // Positive codes 0xFF down to 0x80 run from 0 to the top; negative 0x7F down to 0x00 mirror them.
        for (int code = 0xFF; code > 0x80; code--) {
            assertThat(MuLaw.decode((byte) (code - 1))).isGreaterThan(MuLaw.decode((byte) code));
            assertThat(MuLaw.decode((byte) (code - 0x80 - 1))).isEqualTo((short) -MuLaw.decode((byte) (code - 1)));
        }
    }

    @Test
    void arraysAreOneBytePerSampleAndKeepTheSignal() {
        byte[] sine = Signals.sine(440, 8_000, 0.1, 0.3);

        byte[] codes = MuLaw.encode(sine);
        byte[] decoded = MuLaw.decode(codes);

        assertThat(codes).hasSize(800);
        assertThat(decoded).hasSize(1600);
        short[] before = Pcm16.toSamples(sine);
        short[] after = Pcm16.toSamples(decoded);
        double error = 0;
        for (int i = 0; i < before.length; i++) {
            double difference = (before[i] - after[i]) / 32768.0;
            error += difference * difference;
        }
        double errorDb = 20 * Math.log10(Math.sqrt(error / before.length));
        // μ-law keeps a signal-to-quantization-noise ratio of about 38 dB over most of its range.
        assertThat(Pcm16.dbfs(sine) - errorDb).isGreaterThan(33.0);
    }

    @Test
    void aTrailingOddByteIsIgnored() {
        assertThat(MuLaw.encode(new byte[] {0, 0, 7})).containsExactly(MuLaw.SILENCE);
    }
}
