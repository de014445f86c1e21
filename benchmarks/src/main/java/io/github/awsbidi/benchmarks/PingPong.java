package io.github.awsbidi.benchmarks;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Sends one frame, waits for its echo, sends the next: each round trip is one latency sample. The first echo (which
 * also waited for the stream to open) is kept apart; the remaining {@code rounds} are samples. The stream stays open
 * after the last sample until {@link #close()}.
 */
final class PingPong implements EchoStream.Listener {

    private final byte[] payload;
    private final long[] samples;
    private final CompletableFuture<Long> firstEcho = new CompletableFuture<>();
    private final CompletableFuture<long[]> finished = new CompletableFuture<>();
    private volatile @Nullable EchoStream stream;
    private boolean opened;
    private int taken;
    private long sentAt;

    PingPong(byte[] payload, int rounds) {
        this.payload = payload;
        this.samples = new long[rounds];
    }

    /** Opens the stream and sends the first frame. */
    void open(EchoClient client) {
        EchoStream opened = client.open(Traffic.queued(), this);
        stream = opened;
        opened.closed().whenComplete((ignored, error) -> {
            Throwable cause = error != null ? error : new IllegalStateException("the stream ended early");
            firstEcho.completeExceptionally(cause);
            finished.completeExceptionally(cause);
        });
        opened.send(payload);
    }

    /** Starts the timed round trips, after the first echo. */
    void startRounds() {
        if (samples.length == 0) {
            finished.complete(samples);
            return;
        }
        sentAt = System.nanoTime();
        stream().send(payload);
    }

    @Override
    public void echo(int bytes) {
        long now = System.nanoTime();
        if (!opened) {
            opened = true;
            firstEcho.complete(now);
            return;
        }
        samples[taken++] = now - sentAt;
        if (taken < samples.length) {
            sentAt = System.nanoTime();
            stream().send(payload);
        } else {
            finished.complete(samples);
        }
    }

    /** When the first echo arrived ({@link System#nanoTime()}). */
    CompletableFuture<Long> firstEcho() {
        return firstEcho;
    }

    /** The round-trip times in nanoseconds, once all are taken. */
    CompletableFuture<long[]> finished() {
        return finished;
    }

    /** Half-closes the stream; the returned future completes when the server has ended it too. */
    CompletableFuture<Void> close() {
        EchoStream current = stream();
        current.complete();
        return current.closed();
    }

    private EchoStream stream() {
        EchoStream current = stream;
        if (current == null) {
            throw new IllegalStateException("not opened");
        }
        return current;
    }
}
