package io.github.awsbidi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FrameClockTests {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(5);

    @Test
    @Timeout(30)
    void callsEachTaskAgainAndAgainUntilItsTicketIsCancelled() throws Exception {
        try (FrameClock clock = new FrameClock()) {
            AtomicInteger first = new AtomicInteger();
            AtomicInteger second = new AtomicInteger();
            CountDownLatch thrice = new CountDownLatch(3);
            FrameClock.Ticket cancelled = clock.add(() -> {
                first.incrementAndGet();
                thrice.countDown();
            });
            clock.add(second::incrementAndGet);

            assertThat(thrice.await(10, TimeUnit.SECONDS)).isTrue();
            cancelled.cancel();
            int callsWhenCancelled = first.get();
            int secondBefore = second.get();
            // Long enough for several more rounds of 32 ms: the other task goes on, the cancelled one does not.
            await().atMost(WITHIN).pollInterval(POLL).until(() -> second.get() >= secondBefore + 3);

            assertThat(first.get()).isBetween(callsWhenCancelled, callsWhenCancelled + 1);
        }
    }

    @Test
    @Timeout(30)
    void aStreamWhoseTaskThrowsDoesNotStopTheOthers() throws Exception {
        try (FrameClock clock = new FrameClock()) {
            AtomicInteger thrown = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            clock.add(() -> {
                thrown.incrementAndGet();
                throw new IllegalStateException("one stream's failure");
            });
            clock.add(other::incrementAndGet);

            await().atMost(WITHIN).pollInterval(POLL).until(() -> other.get() >= 3 && thrown.get() >= 3);
        }
    }

    @Test
    void aTaskRunsOncePerRoundNotMore() throws Exception {
        try (FrameClock clock = new FrameClock()) {
            AtomicInteger calls = new AtomicInteger();
            long started = System.nanoTime();
            clock.add(calls::incrementAndGet);
            await().atMost(WITHIN).pollInterval(POLL).until(() -> calls.get() >= 3);
            int counted = calls.get();
            long elapsedRounds = (System.nanoTime() - started) / LiveAudioBenchmark.FRAME_NANOS;

            // One call per round of 32 ms (the first within two milliseconds): three calls take two rounds at least.
            assertThat(counted).isPositive().isLessThanOrEqualTo((int) elapsedRounds + 1);
        }
    }
}
