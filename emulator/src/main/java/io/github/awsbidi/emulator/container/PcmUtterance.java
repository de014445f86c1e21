package io.github.awsbidi.emulator.container;

import io.netty.buffer.ByteBuf;

/**
 * Measures 16-bit little-endian mono PCM as it arrives: sample count and RMS level of the current
 * utterance. A frame may end in the middle of a sample; that byte is kept for the next frame, also
 * across utterances, since the audio stream is continuous.
 */
final class PcmUtterance {

    private static final double FULL_SCALE = 32768.0;

    private final int sampleRate;
    private int carriedByte = -1;
    private long samples;
    private long bytes;
    private double sumOfSquares;

    PcmUtterance(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** Adds the readable bytes of {@code pcm} without consuming them. */
    void add(ByteBuf pcm) {
        int index = pcm.readerIndex();
        int end = pcm.writerIndex();
        bytes += end - index;
        if (carriedByte >= 0 && index < end) {
            addSample((short) (carriedByte | (pcm.getByte(index) << 8)));
            carriedByte = -1;
            index++;
        }
        for (; index + 1 < end; index += 2) {
            addSample(pcm.getShortLE(index));
        }
        if (index < end) {
            carriedByte = pcm.getByte(index) & 0xFF;
        }
    }

    private void addSample(short sample) {
        samples++;
        sumOfSquares += (double) sample * sample;
    }

    /** Seconds of audio in this utterance. */
    double durationSeconds() {
        return (double) samples / sampleRate;
    }

    /** Root-mean-square level of this utterance, 0 (silence) to 1 (full scale). */
    double rms() {
        return samples == 0 ? 0 : Math.sqrt(sumOfSquares / samples) / FULL_SCALE;
    }

    long samples() {
        return samples;
    }

    /** Bytes received in this utterance, including a sample's half carried over. */
    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return bytes == 0;
    }

    /** Starts the next utterance; a carried byte stays. */
    void reset() {
        samples = 0;
        bytes = 0;
        sumOfSquares = 0;
    }
}
