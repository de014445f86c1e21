package io.github.awsbidi.core.internal;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.core.ExchangeGate;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.Target;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What both services' sessions share: a name, the default target, the {@link ExchangeGate} and the
 * {@link ExchangeEngine} that runs every exchange over the service's {@link StreamTransport}. Public only because the
 * sessions live in their services' packages; not an extension point.
 *
 * @param <I> the SDK's request event type
 */
public abstract class TransportSession<I> implements BidirectionalSession {

    private final String name;
    private final Target target;
    private final ExchangeGate gate;
    private final ExchangeEngine<I> engine;

    protected TransportSession(String name, StreamTransport<I> transport, SessionOptions options) {
        if (name.isBlank()) {
            throw BidiStreamException.validation("session name must not be empty");
        }
        this.name = name;
        this.target = transport.target(ExchangeOptions.defaults());
        this.gate = options.gate();
        this.engine = new ExchangeEngine<>(name, transport, options);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Target target() {
        return target;
    }

    @Override
    public final Flux<Frame> exchange(Publisher<Frame> requests, ExchangeOptions options) {
        return gate.exchange(name, target, engine.exchange(requests, options));
    }

    @Override
    public final Mono<Exchange> open(ExchangeOptions options) {
        return gate.open(name, target, engine.open(options));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", " + target + "]";
    }
}
