package io.github.awsbidi.autoconfigure.realtime;

import io.github.awsbidi.realtime.RealtimeListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The façade's meters: {@code aws.bidi.realtime.sessions.active}, {@code aws.bidi.realtime.events} (tagged
 * {@code direction} in/out and {@code type}), {@code aws.bidi.realtime.errors} (tagged {@code code}) and
 * {@code aws.bidi.admission.refused} (tagged {@code surface} and {@code reason}). Event types and codes are a closed
 * set of protocol names, so the tags stay bounded.
 */
final class RealtimeMeters implements RealtimeTelemetry {

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();

    RealtimeMeters(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("aws.bidi.realtime.sessions.active", active);
    }

    @Override
    public RealtimeListener session() {
        return new RealtimeListener() {
            @Override
            public void eventIn(String type) {
                counter("in", type).increment();
            }

            @Override
            public void eventOut(String type) {
                counter("out", type).increment();
            }

            @Override
            public void error(String code) {
                Counter.builder("aws.bidi.realtime.errors")
                        .description("error events sent to realtime clients")
                        .tag("code", code)
                        .register(registry)
                        .increment();
            }

            @Override
            public void opened() {
                active.incrementAndGet();
            }

            @Override
            public void closed() {
                active.decrementAndGet();
            }
        };
    }

    @Override
    public void refused(String surface, String reason) {
        Counter.builder("aws.bidi.admission.refused")
                .description("sockets refused at the door")
                .tag("surface", surface)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    private Counter counter(String direction, String type) {
        return Counter.builder("aws.bidi.realtime.events")
                .description("realtime protocol events")
                .tag("direction", direction)
                .tag("type", type)
                .register(registry);
    }
}
