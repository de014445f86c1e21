package io.github.awsbidi.core.micrometer;

import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.listener.ExchangeContext;
import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.core.listener.Outcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Makes one {@link BidiObservationDocumentation#EXCHANGE} observation per exchange, started when the exchange
 * opens and stopped when it closes, child of the subscriber's observation (from its Reactor context, as WebFlux keeps
 * it, or the subscribing thread's current one). With a
 * {@code DefaultMeterObservationHandler} it yields the {@code aws.bidi.exchange} timer and the
 * {@code aws.bidi.exchange.active} long task timer; with a tracing handler, one span per exchange.
 */
public final class ObservationExchangeListener implements ExchangeListener {

    /**
     * The Reactor context key under which Micrometer keeps the current observation
     * ({@code ObservationThreadLocalAccessor.KEY}), spelled out to avoid needing context-propagation on the classpath.
     */
    static final String OBSERVATION_CONTEXT_KEY = "micrometer.observation";

    private final ObservationRegistry registry;
    private final @Nullable ExchangeObservationConvention convention;
    private final Object key = new Object();

    /** Observes with the default convention. */
    public ObservationExchangeListener(ObservationRegistry registry) {
        this(registry, null);
    }

    /** Observes with a custom convention ({@code null}: the default). */
    public ObservationExchangeListener(
            ObservationRegistry registry, @Nullable ExchangeObservationConvention convention) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.convention = convention;
    }

    @Override
    public void opened(ExchangeContext exchange) {
        if (registry.isNoop()) {
            return;
        }
        ExchangeObservationContext context = new ExchangeObservationContext(exchange);
        Observation observation = BidiObservationDocumentation.EXCHANGE
                .observation(convention, DefaultExchangeObservationConvention.INSTANCE, () -> context, registry)
                .parentObservation(parent(exchange))
                .start();
        exchange.attribute(key, observation);
    }

    @Override
    public void frameSent(ExchangeContext exchange, int bytes, boolean completesInput, long nanoTime) {
        Observation observation = observation(exchange);
        if (observation != null) {
            ((ExchangeObservationContext) observation.getContext()).countSent();
        }
    }

    @Override
    public void frameReceived(ExchangeContext exchange, int bytes, long nanoTime) {
        Observation observation = observation(exchange);
        if (observation != null) {
            ((ExchangeObservationContext) observation.getContext()).countReceived();
        }
    }

    @Override
    public void error(ExchangeContext exchange, ErrorKind kind, Throwable error) {
        Observation observation = observation(exchange);
        if (observation != null) {
            ((ExchangeObservationContext) observation.getContext()).errorKind(kind);
            observation.error(error);
        }
    }

    @Override
    public void closed(ExchangeContext exchange, Outcome outcome, long nanoTime) {
        Observation observation = observation(exchange);
        if (observation != null) {
            ((ExchangeObservationContext) observation.getContext()).outcome(outcome);
            exchange.attribute(key, null);
            observation.stop();
        }
    }

    /** The subscriber's observation: from its Reactor context (WebFlux), else the thread's current one. */
    private @Nullable Observation parent(ExchangeContext exchange) {
        Object fromContext = exchange.subscriberContext().getOrDefault(OBSERVATION_CONTEXT_KEY, null);
        return fromContext instanceof Observation observation ? observation : registry.getCurrentObservation();
    }

    private @Nullable Observation observation(ExchangeContext exchange) {
        return exchange.attribute(Observation.class, key);
    }
}
