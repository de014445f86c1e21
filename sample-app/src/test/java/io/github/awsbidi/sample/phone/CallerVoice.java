package io.github.awsbidi.sample.phone;

import io.github.awsbidi.novasonic.audio.MuLaw;
import io.github.awsbidi.novasonic.audio.Pcm16;

/**
 * A voice-like test signal on the phone line: a 150 Hz glottal tone with its harmonics, loudness rising and falling
 * with syllables, as μ-law at 8 kHz. The emulator's Nova Sonic counts audio as speech from an RMS of 2 % of full
 * scale and ends the caller's turn after 500 ms below it (NovaSonicOptions defaults); this stays near 10 %.
 */
final class CallerVoice {

    private CallerVoice() {}

    static byte[] speech(double seconds) {
        int rate = MuLaw.SAMPLE_RATE;
        short[] samples = new short[(int) Math.round(seconds * rate)];
        for (int i = 0; i < samples.length; i++) {
            double t = (double) i / rate;
            double syllables = 0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t);
            double voiced = 0;
            for (int harmonic = 1; harmonic <= 12; harmonic++) {
                voiced += Math.sin(2 * Math.PI * 150 * harmonic * t) / harmonic;
            }
            samples[i] = (short) Math.round(0.15 * syllables * voiced * 32767 / 1.5);
        }
        return MuLaw.encode(Pcm16.toBytes(samples));
    }
}
