package io.github.awsbidi.core.internal;

import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.listener.ExchangeContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/** The state of one exchange that listeners and the {@link io.github.awsbidi.core.Exchange} handle read. */
final class DefaultExchangeContext implements ExchangeContext {

    private final String id;
    private final String sessionName;
    private final Target target;
    private final long startNanos;
    private final ContextView subscriberContext;
    private @Nullable String modelInvocationPath;
    private @Nullable String modelQueryString;
    private volatile @Nullable String invokedVariant;
    private volatile @Nullable String requestId;
    // Created on first use: exchanges nobody listens to never allocate it.
    private volatile @Nullable Map<Object, Object> attributes;

    DefaultExchangeContext(
            String id, String sessionName, Target target, long startNanos, ContextView subscriberContext) {
        this.id = id;
        this.sessionName = sessionName;
        this.target = target;
        this.startNanos = startNanos;
        this.subscriberContext = subscriberContext;
    }

    /** Sets the request's SageMaker invocation path and query string, before the exchange starts. */
    DefaultExchangeContext requestHeaders(@Nullable String invocationPath, @Nullable String queryString) {
        this.modelInvocationPath = invocationPath;
        this.modelQueryString = queryString;
        return this;
    }

    @Override
    public Optional<String> modelInvocationPath() {
        return Optional.ofNullable(modelInvocationPath);
    }

    @Override
    public Optional<String> modelQueryString() {
        return Optional.ofNullable(modelQueryString);
    }

    void headers(@Nullable String invokedVariant, @Nullable String requestId) {
        this.invokedVariant = invokedVariant;
        this.requestId = requestId;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String sessionName() {
        return sessionName;
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public long startNanos() {
        return startNanos;
    }

    @Override
    public ContextView subscriberContext() {
        return subscriberContext;
    }

    @Override
    public Optional<String> invokedVariant() {
        return Optional.ofNullable(invokedVariant);
    }

    @Override
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    @Override
    public <T> @Nullable T attribute(Class<T> type, Object key) {
        Map<Object, Object> map = attributes;
        return map == null ? null : type.cast(map.get(key));
    }

    @Override
    public void attribute(Object key, @Nullable Object value) {
        Map<Object, Object> map = attributes;
        if (map == null) {
            synchronized (this) {
                map = attributes;
                if (map == null) {
                    map = new ConcurrentHashMap<>();
                    attributes = map;
                }
            }
        }
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    @Override
    public String toString() {
        return "exchange " + id + " of session '" + sessionName + "' (" + target + ")";
    }
}
