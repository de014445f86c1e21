package io.github.awsbidi.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;

/**
 * Answers from the last result while it is younger than the TTL, and bounds every check with a timeout (then
 * UNKNOWN). Concurrent probes share one check in flight, so a storm of health probes makes at most one control-plane
 * call per TTL.
 */
public final class CachingHealthIndicator implements ReactiveHealthIndicator {

    private final ReactiveHealthIndicator delegate;
    private final Duration timeToLive;
    private final Duration timeout;
    private final Clock clock;
    private @Nullable Cached cached;
    private @Nullable Mono<Health> inFlight;

    public CachingHealthIndicator(ReactiveHealthIndicator delegate, Duration timeToLive, Duration timeout) {
        this(delegate, timeToLive, timeout, Clock.systemUTC());
    }

    CachingHealthIndicator(ReactiveHealthIndicator delegate, Duration timeToLive, Duration timeout, Clock clock) {
        this.delegate = delegate;
        this.timeToLive = timeToLive;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Mono<Health> health() {
        return Mono.defer(this::cachedOrCheck);
    }

    private synchronized Mono<Health> cachedOrCheck() {
        Cached current = cached;
        if (current != null && clock.instant().isBefore(current.at().plus(timeToLive))) {
            return Mono.just(current.health());
        }
        Mono<Health> running = inFlight;
        if (running == null) {
            running = checkOnce().cache();
            inFlight = running;
        }
        return running;
    }

    private Mono<Health> checkOnce() {
        return Mono.defer(delegate::health)
                .timeout(timeout)
                .onErrorResume(error -> Mono.just(unknown(error)))
                .doOnNext(this::remember);
    }

    private synchronized void remember(Health health) {
        cached = new Cached(health, clock.instant());
        inFlight = null;
    }

    private Health unknown(Throwable error) {
        String reason = error instanceof TimeoutException ? "no answer within " + timeout : error.toString();
        return new Health.Builder(Status.UNKNOWN).withDetail("error", reason).build();
    }

    private record Cached(Health health, Instant at) {}
}
