package io.github.awsbidi.core.micrometer;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.listener.ExchangeContext;
import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.core.listener.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Records {@code aws.bidi.frames}, {@code aws.bidi.frame.size}, {@code aws.bidi.exchange.first.response},
 * {@code aws.bidi.response.latency} and {@code aws.bidi.exchange.errors} (see {@link BidiMeterNames}). Meters are
 * looked up once per exchange, so per-frame work is a counter increment and a summary record.
 */
public final class MeterExchangeListener implements ExchangeListener {

    private final MeterRegistry registry;
    private final Object key = new Object();

    public MeterExchangeListener(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void opened(ExchangeContext exchange) {
        exchange.attribute(key, new ExchangeMeters(registry, baseTags(exchange)));
    }

    @Override
    public void frameSent(ExchangeContext exchange, int bytes, boolean completesInput, long nanoTime) {
        ExchangeMeters meters = meters(exchange);
        if (meters != null) {
            meters.framesOut.increment();
            meters.sizeOut.record(bytes);
            if (completesInput && meters.awaitingResponseSince == 0) {
                meters.awaitingResponseSince = nanoTime;
            }
        }
    }

    @Override
    public void firstResponse(ExchangeContext exchange, long nanoTime) {
        ExchangeMeters meters = meters(exchange);
        if (meters != null) {
            meters.firstResponse.record(nanoTime - exchange.startNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void frameReceived(ExchangeContext exchange, int bytes, long nanoTime) {
        ExchangeMeters meters = meters(exchange);
        if (meters != null) {
            meters.framesIn.increment();
            meters.sizeIn.record(bytes);
            long since = meters.awaitingResponseSince;
            if (since != 0) {
                meters.responseLatency.record(nanoTime - since, TimeUnit.NANOSECONDS);
                meters.awaitingResponseSince = 0;
            }
        }
    }

    @Override
    public void error(ExchangeContext exchange, ErrorKind kind, Throwable error) {
        ExchangeMeters meters = meters(exchange);
        Tags tags = meters != null ? meters.tags : baseTags(exchange);
        Counter.builder(BidiMeterNames.ERRORS)
                .description("Failed exchanges by error kind")
                .tags(tags)
                .tag(BidiMeterNames.TAG_ERROR_KIND, errorKindTag(kind))
                .register(registry)
                .increment();
    }

    @Override
    public void closed(ExchangeContext exchange, Outcome outcome, long nanoTime) {
        exchange.attribute(key, null);
    }

    static String errorKindTag(ErrorKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static String errorKindTag(Throwable error) {
        return error instanceof BidiStreamException bidi ? errorKindTag(bidi.kind()) : "unknown";
    }

    private @Nullable ExchangeMeters meters(ExchangeContext exchange) {
        return exchange.attribute(ExchangeMeters.class, key);
    }

    private static Tags baseTags(ExchangeContext exchange) {
        return Tags.of(
                BidiMeterNames.TAG_SESSION,
                exchange.sessionName(),
                BidiMeterNames.TAG_SERVICE,
                exchange.target().service().tag());
    }

    /** The meters of one exchange, resolved when it opens. */
    private static final class ExchangeMeters {
        final Tags tags;
        final Counter framesOut;
        final Counter framesIn;
        final DistributionSummary sizeOut;
        final DistributionSummary sizeIn;
        final Timer firstResponse;
        final Timer responseLatency;
        // Only touched from the exchange's own callbacks, which the session serialises per direction; a
        // benign race between directions can at worst drop one latency sample.
        volatile long awaitingResponseSince;

        ExchangeMeters(MeterRegistry registry, Tags tags) {
            this.tags = tags;
            Tags outbound = tags.and(BidiMeterNames.TAG_DIRECTION, "outbound");
            Tags inbound = tags.and(BidiMeterNames.TAG_DIRECTION, "inbound");
            framesOut = frames(registry, outbound);
            framesIn = frames(registry, inbound);
            sizeOut = sizes(registry, outbound);
            sizeIn = sizes(registry, inbound);
            firstResponse = Timer.builder(BidiMeterNames.FIRST_RESPONSE)
                    .description("Time from the start of an exchange to its first response frame")
                    .tags(tags)
                    .register(registry);
            responseLatency = Timer.builder(BidiMeterNames.RESPONSE_LATENCY)
                    .description("Time from an outbound frame that completes an input unit to the next inbound frame")
                    .tags(tags)
                    .register(registry);
        }

        private static Counter frames(MeterRegistry registry, Tags tags) {
            return Counter.builder(BidiMeterNames.FRAMES)
                    .description("Frames sent and received")
                    .baseUnit("frames")
                    .tags(tags)
                    .register(registry);
        }

        private static DistributionSummary sizes(MeterRegistry registry, Tags tags) {
            return DistributionSummary.builder(BidiMeterNames.FRAME_SIZE)
                    .description("Frame payload sizes")
                    .baseUnit("bytes")
                    .tags(tags)
                    .register(registry);
        }
    }
}
