package io.github.awsbidi.emulator.stream;

/** Told of every stream's life, for the emulator's statistics. */
public interface StreamObserver {

    /** Response headers with status 200 went out. */
    void opened();

    /** The response stream ended cleanly or with a modeled error. */
    void completed();

    /** The client reset the stream (RST_STREAM) or its connection went away mid-stream. */
    void resetByClient();

    /** An open stream ended, whichever way. */
    void closed();
}
