package io.github.awsbidi.novasonic.audio;

import java.time.Duration;
import java.util.Base64;

/** Helpers for 16-bit little-endian mono PCM, the only sample format Nova Sonic speaks. */
public final class Pcm16 {

    /** Bytes per sample. */
    public static final int BYTES_PER_SAMPLE = 2;

    private Pcm16() {}

    /** The samples of {@code pcm}; a trailing odd byte is ignored. */
    public static short[] toSamples(byte[] pcm) {
        short[] samples = new short[pcm.length / BYTES_PER_SAMPLE];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
        }
        return samples;
    }

    /** The little-endian bytes of {@code samples}. */
    public static byte[] toBytes(short[] samples) {
        byte[] pcm = new byte[samples.length * BYTES_PER_SAMPLE];
        for (int i = 0; i < samples.length; i++) {
            pcm[2 * i] = (byte) samples[i];
            pcm[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return pcm;
    }

    /** Root-mean-square level relative to full scale: 0 for silence, about 0.707 for a full-scale sine. */
    public static double rms(byte[] pcm) {
        int count = pcm.length / BYTES_PER_SAMPLE;
        if (count == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double sample = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8)) / 32768.0;
            sum += sample * sample;
        }
        return Math.sqrt(sum / count);
    }

    /** The RMS level in dB relative to full scale; {@code -Infinity} for digital silence. */
    public static double dbfs(byte[] pcm) {
        return 20 * Math.log10(rms(pcm));
    }

    /** Standard base64, as audio travels in {@code audioInput}/{@code audioOutput} events. */
    public static String toBase64(byte[] pcm) {
        return Base64.getEncoder().encodeToString(pcm);
    }

    /** The bytes of a standard base64 string. */
    public static byte[] fromBase64(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    /** Whole-sample bytes covering {@code duration} at {@code sampleRate} (rounded down to a sample). */
    public static int bytesFor(int sampleRate, Duration duration) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive, was " + sampleRate);
        }
        long samples = duration.toNanos() * sampleRate / 1_000_000_000L;
        return Math.toIntExact(samples * BYTES_PER_SAMPLE);
    }

    /** How long {@code bytes} of PCM last at {@code sampleRate}. */
    public static Duration durationOf(long bytes, int sampleRate) {
        return Duration.ofNanos(bytes / BYTES_PER_SAMPLE * 1_000_000_000L / sampleRate);
    }
}
