package io.github.awsbidi.sample.phone;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Per-call meters, tagged by telephony {@code provider}: {@code sample.phone.calls} (ended calls, by
 * {@code outcome}), {@code sample.phone.call.duration} (timer, by {@code outcome}), {@code sample.phone.calls.active}
 * (gauge) and {@code sample.phone.barge-ins} (the caller talked over the assistant). Call ids are never tags.
 */
@Component
final class PhoneCallMetrics {

    static final String CALLS = "sample.phone.calls";
    static final String DURATION = "sample.phone.call.duration";
    static final String ACTIVE = "sample.phone.calls.active";
    static final String BARGE_INS = "sample.phone.barge-ins";

    /** How a call ended. */
    enum Outcome {
        /** The provider ended the stream ({@code stop}): the caller hung up or the call moved on. */
        COMPLETED,
        /** The WebSocket closed without a {@code stop}. */
        DROPPED,
        /** The conversation failed, or the provider sent something the bridge cannot use. */
        FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();

    PhoneCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A call of {@code provider} started. */
    Call started(String provider) {
        AtomicInteger calls = active.computeIfAbsent(
                provider, name -> registry.gauge(ACTIVE, Tags.of("provider", name), new AtomicInteger()));
        calls.incrementAndGet();
        return new Call(provider, calls, System.nanoTime());
    }

    /** One call's meters; {@link #ended} counts once. */
    final class Call {

        private final String provider;

        private final AtomicInteger active;
        private final long startNanos;
        private final AtomicBoolean ended = new AtomicBoolean();

        private Call(String provider, AtomicInteger active, long startNanos) {
            this.provider = provider;
            this.active = active;
            this.startNanos = startNanos;
        }

        void bargeIn() {
            registry.counter(BARGE_INS, "provider", provider).increment();
        }

        void ended(Outcome outcome) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            active.decrementAndGet();
            registry.counter(CALLS, "provider", provider, "outcome", outcome.tag())
                    .increment();
            registry.timer(DURATION, "provider", provider, "outcome", outcome.tag())
                    .record(Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }
}
