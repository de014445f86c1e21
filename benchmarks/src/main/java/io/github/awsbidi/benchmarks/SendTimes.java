package io.github.awsbidi.benchmarks;

/**
 * When each frame not yet answered was sent, oldest first: a response answers the oldest frame still waiting (exact
 * for models that answer every frame, such as the echo containers). A growable ring of {@code long}s, so recording
 * a frame allocates nothing; one sender and one receiver thread, hence the lock.
 */
final class SendTimes {

    /** What {@link #poll()} returns when no frame waits. */
    static final long NONE = Long.MIN_VALUE;

    private long[] times = new long[64];
    private int head;
    private int size;

    synchronized void add(long nanos) {
        if (size == times.length) {
            long[] grown = new long[times.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = times[(head + i) % times.length];
            }
            times = grown;
            head = 0;
        }
        times[(head + size) % times.length] = nanos;
        size++;
    }

    synchronized long poll() {
        if (size == 0) {
            return NONE;
        }
        long oldest = times[head];
        head = (head + 1) % times.length;
        size--;
        return oldest;
    }

    synchronized int size() {
        return size;
    }
}
