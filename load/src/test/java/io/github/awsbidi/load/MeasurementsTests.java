package io.github.awsbidi.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class MeasurementsTests {

    @Test
    void onlyFramesSentInTheMeasuredWindowAreTheSteadyState() {
        Measurements measurements = new Measurements();
        // The run started 20 s before the window: its cold start is long over.
        measurements.start(-19_000_000_000L, Duration.ofSeconds(10));
        measurements.measure(new MeasuredWindow(1_000_000_000L, 2_000_000_000L));

        measurements.latency(999_000_000L, 1_500_000_000L); // sent before the window
        measurements.latency(1_000_000_000L, 1_002_000_000L); // 2 ms
        measurements.latency(1_999_000_000L, 2_603_000_000L); // 604 ms, answered after the window: counted
        measurements.latency(2_000_000_000L, 2_001_000_000L); // sent after the window
        for (long sent : new long[] {999_000_000L, 1_000_000_000L, 1_999_000_000L, 2_000_000_000L}) {
            measurements.frameSent(sent);
        }

        assertThat(measurements.framesSent()).isEqualTo(4);
        assertThat(measurements.framesInWindow()).isEqualTo(2);

        Histogram latencies = measurements.latencyTotal();
        assertThat(latencies.getTotalCount()).isEqualTo(2);
        assertThat(latencies.getMaxValue()).isBetween(603_000L, 605_000L);
        // The progress line sees every latency, whenever its frame was sent.
        assertThat(measurements.recentLatencies().getTotalCount()).isEqualTo(4);
    }

    @Test
    void howLateThePacerSentTheFramesDueInTheWindowIsMeasuredApart() {
        Measurements measurements = new Measurements();
        measurements.start(0, Duration.ZERO);
        measurements.measure(new MeasuredWindow(1_000_000_000L, 2_000_000_000L));

        measurements.paced(999_000_000L, 1_300_000_000L); // due before the window
        measurements.paced(1_000_000_000L, 1_000_100_000L); // 0.1 ms late
        measurements.paced(1_032_000_000L, 1_282_000_000L); // 250 ms late: a stall, then at once

        Histogram lag = measurements.pacerLagTotal();
        assertThat(lag.getTotalCount()).isEqualTo(2);
        assertThat(lag.getMaxValue()).isBetween(249_000L, 251_000L);
        // Lag is not latency: latency is counted from the send.
        assertThat(measurements.latencyTotal().getTotalCount()).isZero();
    }

    @Test
    void nothingIsTheSteadyStateBeforeTheWindowIsKnown() {
        Measurements measurements = new Measurements();
        measurements.start(0, Duration.ZERO);

        measurements.latency(1_000_000_000L, 1_002_000_000L);

        assertThat(measurements.latencyTotal().getTotalCount()).isZero();
    }

    @Test
    void theFirstTenSecondsAreReportedApartFromTheSteadyState() {
        Measurements measurements = new Measurements();
        long start = 5_000_000_000L;
        measurements.start(start, Duration.ofSeconds(10));
        measurements.measure(new MeasuredWindow(start + 10_000_000_000L, start + 20_000_000_000L));

        measurements.latency(start, start + 800_000_000L); // 800 ms, the first frame
        measurements.latency(start + 9_999_000_000L, start + 10_100_000_000L); // 101 ms, still cold
        measurements.latency(start + 10_000_000_000L, start + 10_003_000_000L); // 3 ms, steady
        measurements.firstResponse(start + 1_000_000L, start + 1_501_000_000L); // asked for when cold: 1.5 s
        measurements.firstResponse(start + 12_000_000_000L, start + 12_002_000_000L); // 2 ms

        Histogram cold = measurements.coldLatencyTotal();
        assertThat(cold.getTotalCount()).isEqualTo(2);
        assertThat(cold.getMaxValue()).isBetween(799_000L, 801_000L);
        Histogram steady = measurements.latencyTotal();
        assertThat(steady.getTotalCount()).isEqualTo(1);
        assertThat(steady.getMaxValue()).isBetween(2_990L, 3_010L);
        assertThat(measurements.coldFirstResponseTotal().getMaxValue()).isBetween(1_499_000L, 1_502_000L);
        assertThat(measurements.firstResponseTotal().getTotalCount()).isEqualTo(1);
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
