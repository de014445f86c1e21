package io.github.awsbidi.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One open stream whose round trips run in blocks on demand, one frame in flight: a block of {@code n} sends a frame,
 * waits for its echo, sends the next, {@code n} times. Between blocks the stream stays open and idle, so two of them
 * can take turns (see {@link CpuPerFrameBenchmark}).
 */
final class PingBlocks implements EchoStream.Listener {

    private final byte[] payload;
    private final EchoStream stream;
    private final CompletableFuture<Void> firstEcho = new CompletableFuture<>();
    // Written by the caller before a block's first send, then only by the thread that delivers the echoes.
    private volatile int remaining;
    private volatile CompletableFuture<Void> block = CompletableFuture.completedFuture(null);

    private PingBlocks(EchoClient client, byte[] payload) {
        this.payload = payload;
        this.stream = client.open(Traffic.queued(), this);
        stream.closed().whenComplete((ignored, error) -> {
            Throwable cause = error != null ? error : new IllegalStateException("the stream ended early");
            firstEcho.completeExceptionally(cause);
            block.completeExceptionally(cause);
        });
    }

    /** Opens a stream of {@code client} and waits for the echo of one frame: the stream is then ready for blocks. */
    static PingBlocks open(EchoClient client, byte[] payload, Duration timeout) throws InterruptedException {
        PingBlocks blocks = new PingBlocks(client, payload);
        blocks.stream.send(payload);
        Probes.await(blocks.firstEcho, timeout, "opening a stream");
        return blocks;
    }

    /** Runs {@code rounds} round trips and waits until the last echo arrived. */
    void run(int rounds, Duration timeout) throws InterruptedException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        block = done;
        remaining = rounds;
        stream.send(payload);
        Probes.await(done, timeout, rounds + " round trips");
    }

    @Override
    public void echo(int bytes) {
        if (!firstEcho.isDone()) {
            firstEcho.complete(null);
            return;
        }
        int left = remaining - 1;
        remaining = left;
        if (left > 0) {
            stream.send(payload);
        } else {
            block.complete(null);
        }
    }

    /** Half-closes the stream and waits until the server has ended it too. */
    void close(Duration timeout) throws InterruptedException {
        stream.complete();
        Probes.await(stream.closed(), timeout, "closing the stream");
    }
}
