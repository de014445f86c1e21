package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.wire.EventStreamMessage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * What a {@link StreamOperation} may do to its stream. Thread-safe: calls from other threads hop onto
 * the stream's event loop. Calls after the stream has ended are ignored.
 */
public interface StreamContext {

    /** Sends one response event. */
    void send(EventStreamMessage event);

    /** Ends the response stream cleanly. */
    void complete();

    /** Sends a modeled exception event ({@code :message-type: exception}) and ends the response stream. */
    void failWithException(String exceptionType, byte[] jsonPayload);

    /** Sends an error message ({@code :message-type: error}) and ends the response stream. */
    void failWithError(String errorCode, String message);

    /** Resets the stream (RST_STREAM): what a client sees when a stream breaks without a modeled error. */
    void reset();

    /** Stops reading request events until {@link #resumeInput()}; HTTP/2 flow control then holds the client back. */
    void pauseInput();

    /** Resumes reading request events. */
    void resumeInput();

    /**
     * Tells {@code listener}, on the stream's event loop, each time the stream's writability changes:
     * {@code false} once the client stops taking response events (its HTTP/2 window is used up and the
     * stream's outbound buffer is above its high-water mark), {@code true} once it drains. An operation
     * fed from elsewhere stops reading its source while the stream is not writable.
     */
    void onWritabilityChanged(Consumer<Boolean> listener);

    /** The stream's single-threaded event loop, for timers. */
    ScheduledExecutorService scheduler();
}
