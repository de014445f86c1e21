package io.github.awsbidi.emulator.novasonic;

import org.jspecify.annotations.Nullable;

/**
 * Energy-based voice activity detection over one audio content: a chunk whose RMS reaches the
 * threshold is speech, and enough quiet audio after speech ends the utterance (Nova 2's
 * endpointing). Durations are measured in samples, so they do not depend on how fast audio arrives.
 */
final class SpeechDetector {

    private final int sampleRate;

    private final double rmsThreshold;

    private final double endSilenceSeconds;

    private boolean inUtterance;

    private double utteranceSeconds;

    private double trailingSilenceSeconds;

    SpeechDetector(int sampleRate, double rmsThreshold, double endSilenceSeconds) {
        this.sampleRate = sampleRate;
        this.rmsThreshold = rmsThreshold;
        this.endSilenceSeconds = endSilenceSeconds;
    }

    /**
     * What one chunk of input audio meant.
     *
     * @param speech whether the chunk is loud enough to be speech
     * @param seconds the chunk's duration
     * @param endedUtteranceSeconds length of the utterance this chunk's silence ended, if it did
     */
    record Chunk(boolean speech, double seconds, @Nullable Double endedUtteranceSeconds) {}

    Chunk accept(byte[] pcm) {
        double seconds = (pcm.length / 2) / (double) sampleRate;
        boolean speech = rms(pcm) >= rmsThreshold;
        Double ended = null;
        if (speech) {
            utteranceSeconds += inUtterance ? trailingSilenceSeconds + seconds : seconds;
            inUtterance = true;
            trailingSilenceSeconds = 0;
        } else if (inUtterance) {
            trailingSilenceSeconds += seconds;
            if (trailingSilenceSeconds >= endSilenceSeconds) {
                ended = flush();
            }
        }
        return new Chunk(speech, seconds, ended);
    }

    /** Ends the utterance in progress, if any (the audio content ended); returns its length. */
    @Nullable
    Double flush() {
        if (!inUtterance) {
            return null;
        }
        double seconds = utteranceSeconds;
        inUtterance = false;
        utteranceSeconds = 0;
        trailingSilenceSeconds = 0;
        return seconds;
    }

    /** Root mean square of 16-bit little-endian samples, as a fraction of full scale. */
    static double rms(byte[] pcm) {
        int samples = pcm.length / 2;
        if (samples == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            int value = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            double normalized = value / 32768.0;
            sum += normalized * normalized;
        }
        return Math.sqrt(sum / samples);
    }
}
