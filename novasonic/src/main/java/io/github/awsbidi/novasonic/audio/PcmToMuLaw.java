package io.github.awsbidi.novasonic.audio;

/**
 * Turns 16-bit PCM at {@code inputRate} (the assistant's speech) into a telephone line's audio, G.711 μ-law at
 * 8000 Hz, one piece at a time: the band-limited {@link PcmResampler}, then {@link MuLaw} encoding. At 8000 Hz (ask
 * Nova Sonic for 8 kHz output where you can) no resampling happens. Not thread-safe: one per call.
 */
public final class PcmToMuLaw {

    private final PcmResampler resampler;

    /**
     * A converter from {@code inputRate} Hz.
     *
     * @throws IllegalArgumentException if {@code inputRate} is outside 1000 to 384000 Hz
     */
    public PcmToMuLaw(int inputRate) {
        this.resampler = new PcmResampler(inputRate, MuLaw.SAMPLE_RATE);
    }

    /** The PCM rate consumed. */
    public int inputRate() {
        return resampler.inputRate();
    }

    /** Converts a piece of PCM (any length); returns the μ-law bytes it completes. */
    public byte[] process(byte[] pcm16) {
        return MuLaw.encode(resampler.process(pcm16));
    }

    /** Ends the stream: returns the μ-law of the PCM held back and resets for another stream. */
    public byte[] flush() {
        return MuLaw.encode(resampler.flush());
    }
}
