package io.github.awsbidi.novasonic.micrometer;

import io.github.awsbidi.novasonic.ConversationListener;
import io.github.awsbidi.novasonic.RenewalCause;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * Conversation metrics under {@code aws.bidi.novasonic.}, tagged with the session's name:
 * <ul>
 * <li>{@code aws.bidi.novasonic.response.latency} (timer): end of the user's speech to the first assistant audio;</li>
 * <li>{@code aws.bidi.novasonic.barge.ins} (counter);</li>
 * <li>{@code aws.bidi.novasonic.renewals} (counter, tag {@code cause}: age, credentials_expiry, tool_change,
 * assistant_silence, recovery);</li>
 * <li>{@code aws.bidi.novasonic.recoveries} (counter, tag {@code error.kind});</li>
 * <li>{@code aws.bidi.novasonic.tokens} (counter, tags {@code direction} input/output and {@code modality}
 * speech/text), summed from the usage deltas.</li>
 * </ul>
 * Register it with {@code NovaSonic.withListener(new NovaSonicMeters(registry, session.name()))}.
 */
public final class NovaSonicMeters implements ConversationListener {

    private final MeterRegistry registry;
    private final String session;
    private final Timer latency;
    private final Counter bargeIns;

    public NovaSonicMeters(MeterRegistry registry, String session) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.session = Objects.requireNonNull(session, "session");
        this.latency = Timer.builder("aws.bidi.novasonic.response.latency")
                .description("Time from the end of the user's speech to the first assistant audio")
                .tag("session", session)
                .register(registry);
        this.bargeIns = Counter.builder("aws.bidi.novasonic.barge.ins")
                .description("Times the user barged in")
                .tag("session", session)
                .register(registry);
    }

    @Override
    public void responseLatency(Duration value) {
        latency.record(value);
    }

    @Override
    public void bargeIn() {
        bargeIns.increment();
    }

    @Override
    public void renewed(RenewalCause cause) {
        Counter.builder("aws.bidi.novasonic.renewals")
                .description("Moves to a fresh stream, by cause")
                .tag("session", session)
                .tag("cause", cause.tag())
                .register(registry)
                .increment();
    }

    @Override
    public void recovered(String error) {
        Counter.builder("aws.bidi.novasonic.recoveries")
                .description("Reconnections after a recoverable error")
                .tag("session", session)
                .tag("error.kind", error)
                .register(registry)
                .increment();
    }

    @Override
    public void tokens(String direction, String modality, long count) {
        if (count > 0) {
            Counter.builder("aws.bidi.novasonic.tokens")
                    .description("Tokens used, from the usage deltas")
                    .baseUnit("tokens")
                    .tag("session", session)
                    .tag("direction", direction)
                    .tag("modality", modality)
                    .register(registry)
                    .increment(count);
        }
    }
}
