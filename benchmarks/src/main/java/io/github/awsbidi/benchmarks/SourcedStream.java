package io.github.awsbidi.benchmarks;

import java.util.concurrent.CompletableFuture;

/** An {@link EchoStream} whose requests come from a {@link RequestSource}. */
final class SourcedStream<T> implements EchoStream {

    private final RequestSource<T> source;
    private final CompletableFuture<Void> closed;
    private final Runnable cancel;

    SourcedStream(RequestSource<T> source, CompletableFuture<Void> closed, Runnable cancel) {
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
