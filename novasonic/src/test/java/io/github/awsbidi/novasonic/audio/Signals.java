package io.github.awsbidi.novasonic.audio;

/** Test signals and measurements. */
final class Signals {

    private Signals() {}

    static byte[] sine(double frequency, int sampleRate, double seconds, double amplitude) {
        short[] samples = new short[(int) Math.round(sampleRate * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * frequency * i / sampleRate));
        }
        return Pcm16.toBytes(samples);
    }

    /** Sign changes between consecutive samples, ignoring the first and last {@code skip} samples. */
    static int zeroCrossings(byte[] pcm, int skip) {
        short[] samples = Pcm16.toSamples(pcm);
        int crossings = 0;
        for (int i = skip + 1; i < samples.length - skip; i++) {
            if ((samples[i - 1] < 0) != (samples[i] < 0)) {
                crossings++;
            }
        }
        return crossings;
    }

    /** RMS of the middle part, away from the edges where the filter sees silence. */
    static double middleRms(byte[] pcm, int skipSamples) {
        short[] samples = Pcm16.toSamples(pcm);
        short[] middle = java.util.Arrays.copyOfRange(samples, skipSamples, samples.length - skipSamples);
        return Pcm16.rms(Pcm16.toBytes(middle));
    }
}
