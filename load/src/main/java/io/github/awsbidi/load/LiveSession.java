package io.github.awsbidi.load;

import java.util.concurrent.CompletableFuture;

/** One live-audio session driven by {@link LoadRun}: opened, fed a frame every 32 ms, finished, then it ends. */
interface LiveSession {

    /** Opens the stream; completes once it is established (or fails). */
    CompletableFuture<Void> open();

    /** Sends one 32 ms frame at {@code nanos} ({@link System#nanoTime()}); {@code voiced} if it holds speech. */
    void send(byte[] frame, boolean voiced, long nanos);

    /** No more audio: ends the stream the way the target expects. */
    void finish();

    /** Completes when the stream has ended, exceptionally if it failed. */
    CompletableFuture<Void> ended();

    /** Gives up on the stream (after the drain time). */
    void cancel();
}
