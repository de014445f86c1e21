package io.github.awsbidi.core.internal;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.listener.ExchangeListener;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Runs exchanges over a {@link StreamTransport}: the part of a {@link io.github.awsbidi.core.BidirectionalSession}
 * that does not depend on the service.
 *
 * @param <I> the SDK's request event type
 */
public final class ExchangeEngine<I> {

    private final String sessionName;
    private final StreamTransport<I> transport;
    private final SessionOptions options;
    private final ExchangeListener listener;
    private final Function<Frame, @Nullable RuntimeException> frameCheck;

    public ExchangeEngine(String sessionName, StreamTransport<I> transport, SessionOptions options) {
        this.sessionName = Objects.requireNonNull(sessionName, "sessionName");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.options = Objects.requireNonNull(options, "options");
        // Wrapped so that a throwing listener never breaks a stream; NONE stays NONE so it costs nothing.
        this.listener = ExchangeListener.composite(options.listener());
        this.frameCheck = this::checkFrame;
    }

    /** See {@link io.github.awsbidi.core.BidirectionalSession#exchange(Publisher, ExchangeOptions)}. */
    public Flux<Frame> exchange(Publisher<Frame> requests, ExchangeOptions exchangeOptions) {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(exchangeOptions, "options");
        return Flux.deferContextual(subscriberContext -> {
            ExchangeRun<I> run = newRun(exchangeOptions, requests, null, subscriberContext);
            return run.responses();
        });
    }

    /** See {@link io.github.awsbidi.core.BidirectionalSession#open(ExchangeOptions)}. */
    public Mono<Exchange> open(ExchangeOptions exchangeOptions) {
        Objects.requireNonNull(exchangeOptions, "options");
        return Mono.deferContextual(subscriberContext -> {
            FrameBuffer buffer = new FrameBuffer(options.sendBufferFrames(), frameCheck);
            DefaultExchange exchange = new DefaultExchange(buffer);
            ExchangeRun<I> run = newRun(exchangeOptions, buffer, exchange, subscriberContext);
            return exchange.start(run);
        });
    }

    private ExchangeRun<I> newRun(
            ExchangeOptions exchangeOptions,
            Publisher<Frame> requests,
            ExchangeRun.@Nullable LiveListener liveListener,
            ContextView subscriberContext) {
        Target target;
        ExchangeOptions headers;
        try {
            transport.validate(exchangeOptions);
            target = transport.target(exchangeOptions);
            headers = transport.effectiveHeaders(exchangeOptions);
        } catch (BidiStreamException e) {
            throw e.in(sessionName, transport.target(ExchangeOptions.defaults()));
        }
        DefaultExchangeContext context = new DefaultExchangeContext(
                        UUID.randomUUID().toString(), sessionName, target, System.nanoTime(), subscriberContext)
                .requestHeaders(headers.modelInvocationPath(), headers.modelQueryString());
        return new ExchangeRun<>(
                transport,
                exchangeOptions,
                options.retryPolicy(),
                options.openTimeout(),
                listener,
                context,
                requests,
                frameCheck,
                liveListener);
    }

    private @Nullable RuntimeException checkFrame(Frame frame) {
        if (frame.size() > options.maxFrameBytes()) {
            return BidiStreamException.validation("frame payload is " + frame.size()
                            + " bytes, over the limit of maxFrameBytes=" + options.maxFrameBytes() + " bytes")
                    .in(sessionName, transport.target(ExchangeOptions.defaults()));
        }
        return null;
    }
}
