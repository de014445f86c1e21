package io.github.awsbidi.benchmarks;

import java.util.concurrent.CompletableFuture;

/**
 * A Polly stream driven like an echo stream: each payload sent is the UTF-8 text of one flushed {@code TextEvent},
 * and completing sends the {@code CloseStreamEvent} (an empty payload) before the half-close, as Polly's
 * documentation asks.
 */
final class PollyStream<T> implements EchoStream {

    /** The payload both clients turn into a {@code CloseStreamEvent}. */
    static final byte[] CLOSE = new byte[0];

    private final RequestSource<T> source;
    private final CompletableFuture<Void> closed;
    private final Runnable cancel;

    PollyStream(RequestSource<T> source, CompletableFuture<Void> closed, Runnable cancel) {
        this.source = source;
        this.closed = closed;
        this.cancel = cancel;
    }

    @Override
    public void send(byte[] payload) {
        source.offer(payload);
    }

    @Override
    public void complete() {
        source.offer(CLOSE);
        source.complete();
    }

    @Override
    public void cancel() {
        cancel.run();
    }

    @Override
    public CompletableFuture<Void> closed() {
        return closed;
    }
}
