package io.github.awsbidi.benchmarks;

import java.util.concurrent.CompletableFuture;

/** One open stream to an echo target, driven the same way whether the raw SDK or a session carries it. */
interface EchoStream {

    /** Queues one request frame (queued streams only). */
    void send(byte[] payload);

    /** Half-closes the request side once queued frames are out. */
    void complete();

    /** Resets the stream. */
    void cancel();

    /** Completes when the response side ends, exceptionally if the stream failed. */
    CompletableFuture<Void> closed();

    /** Called for every echoed frame, in order, on whatever thread the client delivers it. */
    @FunctionalInterface
    interface Listener {
        void echo(int bytes);
    }
}
