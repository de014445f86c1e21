package io.github.awsbidi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FramePacerTests {

    @Test
    @Timeout(30)
    void callsEachTaskAgainAndAgainUntilItsTicketIsCancelled() throws Exception {
        try (FramePacer pacer = new FramePacer()) {
            AtomicInteger first = new AtomicInteger();
            AtomicInteger second = new AtomicInteger();
            CountDownLatch thrice = new CountDownLatch(3);
            FramePacer.Ticket cancelled = pacer.add(() -> {
                first.incrementAndGet();
                thrice.countDown();
            });
            pacer.add(second::incrementAndGet);

            assertThat(thrice.await(10, TimeUnit.SECONDS)).isTrue();
            cancelled.cancel();
            int callsWhenCancelled = first.get();
            int secondBefore = second.get();
            // Long enough for several more rounds of 32 ms: the other task goes on, the cancelled one does not.
            while (second.get() < secondBefore + 3) {
                Thread.sleep(10);
            }

            assertThat(first.get()).isBetween(callsWhenCancelled, callsWhenCancelled + 1);
        }
    }

    @Test
    @Timeout(30)
    void aStreamWhoseTaskThrowsDoesNotStopTheOthers() throws Exception {
        try (FramePacer pacer = new FramePacer()) {
            AtomicInteger thrown = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            pacer.add(() -> {
                thrown.incrementAndGet();
                throw new IllegalStateException("one stream's failure");
            });
            pacer.add(other::incrementAndGet);

            while (other.get() < 3 || thrown.get() < 3) {
                Thread.sleep(10);
            }
        }
    }

    @Test
    void aTaskRunsOncePerRoundNotMore() throws Exception {
        try (FramePacer pacer = new FramePacer()) {
            AtomicInteger calls = new AtomicInteger();
            long started = System.nanoTime();
            pacer.add(calls::incrementAndGet);
            Thread.sleep(330);
            long elapsedRounds = (System.nanoTime() - started) / LiveAudioBenchmark.FRAME_NANOS;

            // Ten rounds of 32 ms at most, one call each (the first within two milliseconds): never two per round.
            assertThat(calls.get()).isPositive().isLessThanOrEqualTo((int) elapsedRounds + 1);
        }
    }
}
