package io.github.awsbidi.core;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A configured target (one SageMaker endpoint or one Bedrock model) that exchanges {@link Frame}s over one
 * HTTP/2 stream per exchange. Thread-safe; meant to be a singleton shared by every caller.
 * <p>
 * Back-pressure is end to end: the caller's request publisher is asked for frames only as fast as the HTTP/2
 * window lets them out, and the response stream reads from the network only as fast as its subscriber requests.
 * Errors are {@link BidiStreamException}s, except an error raised by the caller's own request publisher, which
 * resets the stream and is passed on unchanged.
 */
public interface BidirectionalSession {

    /** The session's name, e.g. the property key {@code transcriber}. */
    String name();

    /** What the session talks to, with the session's default variant. */
    Target target();

    /** {@link #exchange(Publisher, ExchangeOptions)} with the session's settings. */
    default Flux<Frame> exchange(Publisher<Frame> requests) {
        return exchange(requests, ExchangeOptions.defaults());
    }

    /**
     * A cold stream of response frames: each subscription opens one HTTP/2 stream, subscribes to {@code requests}
     * and sends its frames as the stream's window allows. Completing {@code requests} half-closes the stream; an
     * error in {@code requests} resets it and ends the responses with that error; cancelling the responses resets
     * the stream and cancels {@code requests}. Invalid options fail the subscription before anything is sent.
     */
    Flux<Frame> exchange(Publisher<Frame> requests, ExchangeOptions options);

    /** {@link #open(ExchangeOptions)} with the session's settings. */
    default Mono<Exchange> open() {
        return open(ExchangeOptions.defaults());
    }

    /**
     * Opens one stream for imperative use (a WebSocket bridge, a callback API): emits the {@link Exchange} once the
     * HTTP/2 stream is established, or fails if it cannot be (after the session's retries).
     */
    Mono<Exchange> open(ExchangeOptions options);
}
