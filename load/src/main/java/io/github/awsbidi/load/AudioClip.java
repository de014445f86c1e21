package io.github.awsbidi.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * 16 kHz 16-bit little-endian mono PCM cut into {@link #FRAME_BYTES}-byte frames (32 ms each, the size Nova Sonic's
 * clients send), looped by the sessions. Each frame knows whether it is voiced (RMS at least {@link #VOICED_RMS} of
 * full scale), so a session can tell where the user's speech ends.
 */
final class AudioClip {

    static final int SAMPLE_RATE = 16_000;
    static final int FRAME_BYTES = 1024;
    static final long FRAME_NANOS = 32_000_000L;
    /** The level from which a frame counts as speech (the emulator's Nova Sonic uses 0.02 too). */
    static final double VOICED_RMS = 0.02;

    private final byte[][] frames;
    private final boolean[] voiced;

    private AudioClip(byte[] pcm) {
        int count = pcm.length / FRAME_BYTES;
        if (count == 0) {
            throw new IllegalArgumentException("the audio is shorter than one 32 ms frame");
        }
        frames = new byte[count][];
        voiced = new boolean[count];
        for (int i = 0; i < count; i++) {
            byte[] frame = new byte[FRAME_BYTES];
            System.arraycopy(pcm, i * FRAME_BYTES, frame, 0, FRAME_BYTES);
            frames[i] = frame;
            voiced[i] = rms(frame) >= VOICED_RMS;
        }
    }

    /** Frame {@code index} modulo the clip's length: the clip loops. Shared: callers must not change it. */
    byte[] frame(long index) {
        return frames[(int) (index % frames.length)];
    }

    boolean voiced(long index) {
        return voiced[(int) (index % voiced.length)];
    }

    int frameCount() {
        return frames.length;
    }

    static AudioClip of(byte[] pcm) {
        return new AudioClip(pcm);
    }

    /**
     * A voice-like signal: utterances of 1.6 s (a 120–220 Hz glottal pitch with harmonics shaped by a few moving
     * formants, amplitude-modulated at a syllable rate of about 4 Hz) separated by 1.4 s of low background noise, so
     * a turn-taking model hears the user speak and stop. Deterministic.
     */
    static AudioClip voiceLike() {
        double seconds = 12;
        int samples = (int) (SAMPLE_RATE * seconds);
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        SplittableRandom noise = new SplittableRandom(16);
        double phase = 0;
        for (int i = 0; i < samples; i++) {
            double t = (double) i / SAMPLE_RATE;
            double inCycle = t % 3.0;
            double value = (noise.nextDouble() - 0.5) * 0.002;
            if (inCycle < 1.6) {
                int utterance = (int) (t / 3.0);
                double pitch = 120 + 25 * utterance % 100 + 20 * Math.sin(2 * Math.PI * 0.7 * t);
                phase += 2 * Math.PI * pitch / SAMPLE_RATE;
                double voice = 0;
                for (int harmonic = 1; harmonic <= 12; harmonic++) {
                    double frequency = harmonic * pitch;
                    double formants = formant(frequency, 500 + 200 * Math.sin(2 * Math.PI * 3.1 * t), 120)
                            + 0.6 * formant(frequency, 1500 + 400 * Math.sin(2 * Math.PI * 2.3 * t), 180)
                            + 0.3 * formant(frequency, 2500, 250);
                    voice += formants * Math.sin(harmonic * phase) / harmonic;
                }
                double syllables = 0.7 + 0.3 * Math.sin(2 * Math.PI * 4.1 * t);
                double edges = Math.min(1, Math.min(inCycle, 1.6 - inCycle) / 0.05);
                value += 0.3 * voice * syllables * edges;
            }
            pcm.putShort((short) Math.round(Math.max(-1, Math.min(1, value)) * 32767));
        }
        return new AudioClip(pcm.array());
    }

    /** A WAV file of 16 kHz 16-bit mono PCM. */
    static AudioClip fromWav(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidOptionException("--audio", "cannot read " + file + ": " + e.getMessage(), e);
        }
        return new AudioClip(WavReader.pcm16kMono(bytes, file.toString()));
    }

    private static double formant(double frequency, double centre, double bandwidth) {
        double distance = (frequency - centre) / bandwidth;
        return 1 / (1 + distance * distance);
    }

    private static double rms(byte[] frame) {
        ByteBuffer samples = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        double sum = 0;
        int count = frame.length / 2;
        for (int i = 0; i < count; i++) {
            double sample = samples.getShort() / 32768.0;
            sum += sample * sample;
        }
        return Math.sqrt(sum / count);
    }
}
