package io.github.awsbidi.core;

import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One open stream driven imperatively: {@link #send(Frame)} frames, {@link #complete()} or {@link #cancel()}, and
 * read {@link #responses()}. Frames wait in a bounded buffer (the session's {@code sendBufferFrames}) until the
 * HTTP/2 window lets them out.
 */
public interface Exchange {

    /** A unique id of this exchange, for logs and correlation (never a metric tag). */
    String id();

    /**
     * Queues a frame. The returned {@code Mono} completes once the frame is accepted into the bounded buffer, so
     * awaiting it (e.g. {@code concatMap(exchange::send)}) paces a producer to the stream. It fails with a
     * {@link ErrorKind#VALIDATION} error, and nothing else happens, if the frame is over the size limit; it fails
     * if the exchange has ended, or if another send is still waiting for buffer space.
     */
    Mono<Void> send(Frame frame);

    /** Half-closes the stream once every accepted frame is sent; responses keep flowing until the server ends. */
    void complete();

    /** Resets the stream at once; frames not yet sent are dropped and {@link #responses()} completes. */
    void cancel();

    /**
     * The response frames. One subscriber only; nothing is read from the network before it requests.
     * Cancelling it cancels the exchange.
     */
    Flux<Frame> responses();

    /** SageMaker's {@code X-Amzn-Invoked-Production-Variant}, once the service has answered. */
    Optional<String> invokedVariant();

    /** The AWS request id, once the service has answered. */
    Optional<String> requestId();
}
