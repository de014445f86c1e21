package io.github.awsbidi.novasonic.audio;

/**
 * Turns a telephone line's audio (G.711 μ-law at 8000 Hz, e.g. Twilio's inbound {@code media}) into 16-bit PCM at
 * {@code outputRate} (16000 Hz for Nova Sonic), one piece at a time: {@link MuLaw} decoding, then the band-limited
 * {@link PcmResampler}. At 8000 Hz no resampling happens. Not thread-safe: one per call.
 */
public final class MuLawToPcm {

    private final PcmResampler resampler;

    /**
     * A converter to {@code outputRate} Hz.
     *
     * @throws IllegalArgumentException if {@code outputRate} is outside 1000 to 384000 Hz
     */
    public MuLawToPcm(int outputRate) {
        this.resampler = new PcmResampler(MuLaw.SAMPLE_RATE, outputRate);
    }

    /** The PCM rate produced. */
    public int outputRate() {
        return resampler.outputRate();
    }

    /** Converts a piece of μ-law; returns the PCM it completes (the resampler holds back about 1 ms). */
    public byte[] process(byte[] mulaw) {
        return resampler.process(MuLaw.decode(mulaw));
    }

    /** Ends the stream: returns the PCM held back and resets for another stream. */
    public byte[] flush() {
        return resampler.flush();
    }
}
