package io.github.awsbidi.novasonic.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TelephonyConversionTests {

    @Test
    void lineAudioBecomes16kHzPcmWithTheSameTone() {
        byte[] line = MuLaw.encode(Signals.sine(1_000, 8_000, 0.5, 0.3));
        MuLawToPcm converter = new MuLawToPcm(16_000);

        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        for (int offset = 0; offset < line.length; offset += 160) { // Twilio's 20 ms payloads
            pcm.writeBytes(converter.process(Arrays.copyOfRange(line, offset, offset + 160)));
        }
        pcm.writeBytes(converter.flush());
        byte[] out = pcm.toByteArray();

        assertThat(out).hasSize(16_000); // 0.5 s at 16 kHz, 2 bytes a sample
        assertThat(Signals.zeroCrossings(out, 64))
                .isCloseTo(1_000 * (8_000 - 2 * 64) / 8_000, within(4)); // skipping 64 samples each end
        assertThat(Signals.middleRms(out, 64)).isCloseTo(0.3 / Math.sqrt(2), within(0.01));
    }

    @Test
    void speechAt24kHzBecomesLineAudioWithoutAliasing() {
        PcmToMuLaw converter = new PcmToMuLaw(24_000);

        byte[] voiceBand = converter.process(Signals.sine(1_000, 24_000, 0.5, 0.3));
        byte[] rest = converter.flush();
        byte[] aboveNyquist = new PcmToMuLaw(24_000).process(Signals.sine(6_000, 24_000, 0.5, 0.3));

        assertThat(voiceBand.length + rest.length).isEqualTo(4_000); // 0.5 s at 8 kHz, one byte a sample
        byte[] decoded = MuLaw.decode(voiceBand);
        assertThat(Signals.middleRms(decoded, 64)).isCloseTo(0.3 / Math.sqrt(2), within(0.01));
        // 6 kHz cannot exist at 8 kHz; without the low-pass it would fold to 2 kHz at full level.
        assertThat(Pcm16.dbfs(MuLaw.decode(aboveNyquist))).isLessThan(-50);
    }

    @Test
    void at8kHzNothingIsResampled() {
        byte[] pcm = Signals.sine(300, 8_000, 0.02, 0.5);

        assertThat(new PcmToMuLaw(8_000).process(pcm)).isEqualTo(MuLaw.encode(pcm));
        assertThat(new MuLawToPcm(8_000).process(MuLaw.encode(pcm))).isEqualTo(MuLaw.decode(MuLaw.encode(pcm)));
    }

    @Test
    void ratesOutsideTheResamplersRangeAreRejectedByName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MuLawToPcm(500))
                .withMessageContaining("outputRate")
                .withMessageContaining("1000");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PcmToMuLaw(400_000))
                .withMessageContaining("inputRate")
                .withMessageContaining("384000");
    }
}
