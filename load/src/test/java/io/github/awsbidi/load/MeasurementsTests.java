package io.github.awsbidi.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class MeasurementsTests {

    @Test
    void framesSentDuringTheWarmUpAreNotCounted() {
        Measurements measurements = new Measurements();
        measurements.recordFrom(1_000_000_000L);

        measurements.latency(999_000_000L, 1_500_000_000L); // sent in the warm-up
        measurements.latency(1_000_000_000L, 1_002_000_000L); // 2 ms
        measurements.latency(1_100_000_000L, 1_104_000_000L); // 4 ms

        Histogram latencies = measurements.latencyTotal();
        assertThat(latencies.getTotalCount()).isEqualTo(2);
        assertThat(latencies.getMaxValue()).isBetween(3_990L, 4_010L);
    }

    @Test
    void failuresAreCountedByKindWithTheirFirstMessage() {
        Measurements measurements = new Measurements();
        measurements.opened();
        measurements.ended(Measurements.Outcome.failed("throttling", "slow down"), true);
        measurements.ended(Measurements.Outcome.failed("throttling", "again"), false);
        measurements.ended(Measurements.Outcome.COMPLETED, false);

        assertThat(measurements.failed()).isEqualTo(2);
        assertThat(measurements.completed()).isEqualTo(1);
        assertThat(measurements.openNow()).isZero();
        assertThat(measurements.failedByKind()).containsEntry("throttling", 2L);
        assertThat(measurements.firstFailures()).containsEntry("throttling", "slow down");
    }
}
