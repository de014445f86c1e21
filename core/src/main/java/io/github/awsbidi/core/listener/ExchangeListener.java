package io.github.awsbidi.core.listener;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import java.time.Duration;
import java.util.List;

/**
 * Callbacks on the life of every exchange of a session: the SPI metrics and tracing plug into.
 * <p>
 * Every method has an empty default. Callbacks run on I/O threads: they must be quick and must not block.
 * An exception thrown by a listener is logged and ignored, never breaking the stream. Times are
 * {@link System#nanoTime()} readings. When the session's listener is {@link #NONE} nothing is called and
 * nothing is allocated per frame.
 */
public interface ExchangeListener {

    /** The listener that listens to nothing; sessions skip every callback when given it. */
    ExchangeListener NONE = new ExchangeListener() {
        @Override
        public String toString() {
            return "ExchangeListener.NONE";
        }
    };

    /** The exchange started: its first attempt to open a stream is about to be made. */
    default void opened(ExchangeContext exchange) {}

    /** Opening the stream failed with a retryable error; another attempt follows after {@code delay}. */
    default void retrying(ExchangeContext exchange, int attempt, BidiStreamException cause, Duration delay) {}

    /** A frame of {@code bytes} payload bytes was handed to the HTTP/2 stream. */
    default void frameSent(ExchangeContext exchange, int bytes, long nanoTime) {}

    /**
     * A frame of {@code bytes} payload bytes was handed to the HTTP/2 stream; {@code completesInput} when it ends
     * a unit of input the model answers (a SageMaker part with CompletionState COMPLETE, every Bedrock chunk).
     * Sessions call this method; its default forwards to {@link #frameSent(ExchangeContext, int, long)}.
     */
    default void frameSent(ExchangeContext exchange, int bytes, boolean completesInput, long nanoTime) {
        frameSent(exchange, bytes, nanoTime);
    }

    /**
     * {@code frame} was handed to the HTTP/2 stream: the payload-level view recorders need. Sessions call this
     * method; its default forwards the size to {@link #frameSent(ExchangeContext, int, boolean, long)}, so a
     * listener that counts bytes need not look at payloads. The frame's payload is a read-only view: do not keep it
     * beyond the call unless copied.
     */
    default void frameSent(ExchangeContext exchange, Frame frame, boolean completesInput, long nanoTime) {
        frameSent(exchange, frame.size(), completesInput, nanoTime);
    }

    /** A frame of {@code bytes} payload bytes arrived. */
    default void frameReceived(ExchangeContext exchange, int bytes, long nanoTime) {}

    /**
     * {@code frame} arrived. Sessions call this method; its default forwards the size to
     * {@link #frameReceived(ExchangeContext, int, long)}.
     */
    default void frameReceived(ExchangeContext exchange, Frame frame, long nanoTime) {
        frameReceived(exchange, frame.size(), nanoTime);
    }

    /**
     * The service answered the stream's request with its response headers: the stream is open and
     * {@link ExchangeContext#invokedVariant()} is known. An exchange whose every attempt was refused never gets here.
     */
    default void answered(ExchangeContext exchange, long nanoTime) {}

    /** The request side ended: the caller's publisher completed and its end went to the service. */
    default void requestsCompleted(ExchangeContext exchange, long nanoTime) {}

    /** The first response frame arrived (called before its {@link #frameReceived}). */
    default void firstResponse(ExchangeContext exchange, long nanoTime) {}

    /** The exchange failed; {@link #closed} follows with {@link Outcome#ERROR}. */
    default void error(ExchangeContext exchange, ErrorKind kind, Throwable error) {}

    /** The exchange ended. Called exactly once per {@link #opened}. */
    default void closed(ExchangeContext exchange, Outcome outcome, long nanoTime) {}

    /**
     * One listener calling each of {@code listeners} in order and shielding the stream from their exceptions:
     * {@link #NONE} when there are none.
     */
    static ExchangeListener composite(List<? extends ExchangeListener> listeners) {
        List<ExchangeListener> active = listeners.stream()
                .filter(listener -> listener != NONE)
                .map(ExchangeListener.class::cast)
                .toList();
        if (active.isEmpty()) {
            return NONE;
        }
        if (active.size() == 1 && active.get(0) instanceof CompositeExchangeListener composite) {
            return composite;
        }
        return new CompositeExchangeListener(active);
    }

    /** {@link #composite(List)} of the given listeners. */
    static ExchangeListener composite(ExchangeListener... listeners) {
        return composite(List.of(listeners));
    }
}
