package io.github.awsbidi.emulator.novasonic;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic stand-in voice: a few harmonics of a voice-dependent pitch with a gentle
 * intonation, shaped by a syllable-rate envelope, rendered as 16-bit little-endian mono PCM. Any
 * sample range can be rendered on its own, so audio is produced chunk by chunk as it is paced out. Polly's
 * emulated speech uses it too.
 */
public final class SpeechSynthesizer {

    private static final double[] HARMONIC_LEVELS = {1.0, 0.5, 0.3, 0.15};

    private static final double SYLLABLES_PER_SECOND = 4.0;

    private static final double INTONATION_HZ = 0.7;

    private static final double INTONATION_DEPTH = 0.05;

    private static final double PEAK = 0.35;

    private static final double FADE_SECONDS = 0.02;

    private final int sampleRate;

    private final double pitchHertz;

    /** A voice at that sample rate; the voice id sets the pitch. */
    public SpeechSynthesizer(int sampleRate, @Nullable String voiceId) {
        this.sampleRate = sampleRate;
        this.pitchHertz = pitchOf(voiceId);
    }

    int sampleRate() {
        return sampleRate;
    }

    /** Voices vary in pitch between 100 and 220 Hz, the same voice always alike. */
    static double pitchOf(@Nullable String voiceId) {
        if (voiceId == null || voiceId.isBlank()) {
            return 120.0;
        }
        return 100.0 + Math.floorMod(voiceId.toLowerCase(Locale.ROOT).hashCode(), 121);
    }

    /**
     * Renders samples {@code [from, from + count)} of an utterance {@code total} samples long.
     * @return {@code 2 * count} bytes of PCM
     */
    public byte[] render(int from, int count, int total) {
        byte[] pcm = new byte[count * 2];
        double totalSeconds = total / (double) sampleRate;
        double levelSum = 0;
        for (double level : HARMONIC_LEVELS) {
            levelSum += level;
        }
        for (int i = 0; i < count; i++) {
            double t = (from + i) / (double) sampleRate;
            double phase = 2 * Math.PI * pitchHertz * t
                    + pitchHertz * INTONATION_DEPTH * (1 - Math.cos(2 * Math.PI * INTONATION_HZ * t)) / INTONATION_HZ;
            double wave = 0;
            for (int h = 0; h < HARMONIC_LEVELS.length; h++) {
                wave += HARMONIC_LEVELS[h] * Math.sin((h + 1) * phase);
            }
            double syllable = Math.sin(Math.PI * SYLLABLES_PER_SECOND * t);
            double envelope = (0.2 + 0.8 * syllable * syllable) * fade(t, totalSeconds);
            int value = (int) Math.round(PEAK * envelope * wave / levelSum * 32767);
            pcm[2 * i] = (byte) value;
            pcm[2 * i + 1] = (byte) (value >> 8);
        }
        return pcm;
    }

    /** Short fades at both ends, so the audio starts and stops without clicks. */
    private static double fade(double t, double totalSeconds) {
        double in = Math.min(1, t / FADE_SECONDS);
        double out = Math.min(1, Math.max(0, totalSeconds - t) / FADE_SECONDS);
        return Math.min(in, out);
    }
}
