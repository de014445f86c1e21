package io.github.awsbidi.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class CachingHealthIndicatorTests {

    private final MutableClock clock = new MutableClock();

    @Test
    void aCheckThatNeverAnswersIsUnknownAfterTheTimeout() {
        CachingHealthIndicator indicator =
                new CachingHealthIndicator(Mono::never, Duration.ofMinutes(1), Duration.ofMillis(50), clock);
        Health health = indicator.health().block(Duration.ofSeconds(5));
        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat((String) health.getDetails().get("error")).contains("no answer within");
    }

    @Test
    void concurrentProbesShareOneCheckAndLaterOnesUseTheCache() {
        AtomicInteger checks = new AtomicInteger();
        Sinks.One<Health> answer = Sinks.one();
        ReactiveHealthIndicator slow = () -> Mono.defer(() -> {
            checks.incrementAndGet();
            return answer.asMono();
        });
        CachingHealthIndicator indicator =
                new CachingHealthIndicator(slow, Duration.ofSeconds(30), Duration.ofSeconds(5), clock);

        Flux<Health> storm = Flux.range(0, 50).flatMap(i -> indicator.health());
        var collected = storm.collectList().toFuture();
        answer.tryEmitValue(Health.up().build());
        assertThat(collected.join())
                .hasSize(50)
                .allMatch(health -> health.getStatus().equals(Status.UP));
        indicator.health().block();
        assertThat(checks).hasValue(1);

        clock.advance(Duration.ofSeconds(31));
        Sinks.One<Health> unused = answer;
        assertThat(unused).isNotNull();
        indicator.health().subscribe();
        assertThat(checks).hasValue(2);
    }

    /** A clock tests move by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
