package io.github.awsbidi.novasonic.audio;

import java.time.Duration;

/**
 * Keeps the most recent stretch of PCM (e.g. the last ~3 s of user audio), so that audio sent while a
 * stream is being replaced can be replayed to the next one. Thread-safe.
 */
public final class RollingAudioBuffer {

    private final byte[] ring;
    private int start;
    private int size;

    /** A buffer of the last {@code capacityBytes} (rounded down to whole samples). */
    public RollingAudioBuffer(int capacityBytes) {
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("capacityBytes must not be negative, was " + capacityBytes);
        }
        this.ring = new byte[capacityBytes - capacityBytes % Pcm16.BYTES_PER_SAMPLE];
    }

    /** A buffer of the last {@code duration} of PCM at {@code sampleRate}. */
    public static RollingAudioBuffer of(Duration duration, int sampleRate) {
        return new RollingAudioBuffer(Pcm16.bytesFor(sampleRate, duration));
    }

    /** Bytes the buffer holds at most. */
    public int capacityBytes() {
        return ring.length;
    }

    /** Appends whole samples, forgetting the oldest bytes beyond the capacity. */
    public synchronized void write(byte[] pcm) {
        if (ring.length == 0) {
            return;
        }
        int offset = Math.max(0, pcm.length - ring.length);
        for (int i = offset; i < pcm.length; i++) {
            ring[(start + size) % ring.length] = pcm[i];
            if (size < ring.length) {
                size++;
            } else {
                start = (start + 1) % ring.length;
            }
        }
    }

    /** The held bytes, oldest first. */
    public synchronized byte[] snapshot() {
        byte[] copy = new byte[size];
        for (int i = 0; i < size; i++) {
            copy[i] = ring[(start + i) % ring.length];
        }
        return copy;
    }

    /** Forgets everything. */
    public synchronized void clear() {
        start = 0;
        size = 0;
    }
}
