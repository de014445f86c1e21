package io.github.awsbidi.core.listener;

import io.github.awsbidi.core.Target;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * What a listener knows about one exchange. Listeners may keep per-exchange state (a timer sample, an
 * observation) in its attributes, keyed by an object they own.
 */
public interface ExchangeContext {

    /** The exchange id (high cardinality: never a metric tag). */
    String id();

    /** The session's name. */
    String sessionName();

    /** The exchange's target, with any per-exchange variant override applied. */
    Target target();

    /** {@link System#nanoTime()} when the exchange started. */
    long startNanos();

    /**
     * The Reactor context of the subscriber that started the exchange: where a WebFlux request keeps its current
     * observation, so instrumentation can parent the exchange's own to it.
     */
    default ContextView subscriberContext() {
        return Context.empty();
    }

    /** SageMaker's {@code X-Amzn-SageMaker-Model-Invocation-Path} of the request, if any. */
    default Optional<String> modelInvocationPath() {
        return Optional.empty();
    }

    /** SageMaker's {@code X-Amzn-SageMaker-Model-Query-String} of the request, if any. */
    default Optional<String> modelQueryString() {
        return Optional.empty();
    }

    /** SageMaker's invoked production variant, once the service has answered. */
    Optional<String> invokedVariant();

    /** The AWS request id, once the service has answered. */
    Optional<String> requestId();

    /** The attribute stored under {@code key}, or {@code null}. */
    <T> @Nullable T attribute(Class<T> type, Object key);

    /** Stores a per-exchange attribute ({@code null} removes it). */
    void attribute(Object key, @Nullable Object value);
}
