package io.github.awsbidi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTests {

    private static final double[] RAW = {1000, 1200, 1100, 1000, 1200, 1100, 1000, 1200, 1100, 1000};

    @Test
    void printsMediansIntervalsPerPairRatioAndAVerdictOnTheInterval() {
        double[] session = new double[RAW.length];
        for (int i = 0; i < RAW.length; i++) {
            session[i] = RAW[i] * (0.90 + i * 0.01); // ratios 0.90 .. 0.99
        }
        Row throughput = Row.compared("throughput", Operation.BEDROCK, "frames/s", Goal.minRatio(0.95), RAW, session);

        String table = ResultTable.markdown(List.of(throughput));

        // Ratios sorted: 0.90 .. 0.99; n = 10 takes x(2) and x(9).
        assertThat(table)
                .contains("| throughput | bedrock | frames/s | 1,100 [1,000, 1,200] |")
                .contains("| 0.945 [0.910, 0.980] | 10 | >= 0.95: unclear |");
    }

    @Test
    void judgesOkOnlyWhenTheWholeIntervalMeetsTheTarget() {
        double[] faster = RAW.clone();
        double[] slower = new double[RAW.length];
        for (int i = 0; i < RAW.length; i++) {
            faster[i] = RAW[i] * 1.02;
            slower[i] = RAW[i] * 1.10;
        }

        assertThat(Goal.maxRatio(1.03).verdict(RAW, faster, "us")).isEqualTo("<= 1.03: ok");
        assertThat(Goal.maxRatio(1.03).verdict(RAW, slower, "us")).isEqualTo("<= 1.03: MISS");
        assertThat(Goal.below(100).verdict(RAW, new double[] {40, 60, 80}, "ms"))
                .isEqualTo("session < 100 ms: ok (n=3, range only)");
        assertThat(Goal.atLeast(350).verdict(new double[] {300}, new double[] {400}, "streams"))
                .isEqualTo("session >= 350 streams: ok (n=1, range only)");
        assertThat(Goal.atLeast(350).verdict(new double[] {300}, new double[] {300}, "streams"))
                .isEqualTo("session >= 350 streams: MISS (n=1, range only)");
    }

    @Test
    void cpuPerFrameHoldsTheMedianToItsLimitAndTheUpperEndToTheBound() {
        double[] session = new double[RAW.length];
        double[] wide = new double[RAW.length];
        double[] high = new double[RAW.length];
        for (int i = 0; i < RAW.length; i++) {
            session[i] = RAW[i] * (0.97 + i * 0.01); // ratios 0.97 .. 1.06: median 1.015, interval [0.98, 1.05]
            wide[i] = RAW[i] * (0.90 + i * 0.03); // 0.90 .. 1.17: median 1.035, upper end 1.13
            high[i] = RAW[i] * (1.04 + i * 0.01); // 1.04 .. 1.13: the whole interval above 1.03
        }

        assertThat(Goal.CPU_PER_FRAME.verdict(RAW, session, "us")).isEqualTo("median <= 1.03, upper <= 1.10: ok");
        assertThat(Goal.CPU_PER_FRAME.verdict(RAW, wide, "us")).isEqualTo("median <= 1.03, upper <= 1.10: unclear");
        assertThat(Goal.CPU_PER_FRAME.verdict(RAW, high, "us")).isEqualTo("median <= 1.03, upper <= 1.10: MISS");
        assertThatThrownBy(() -> Goal.maxMedianRatio(1.10, 1.03)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void machineIdleIsTheIdleShareOfTheTicksBetweenTwoReadings() {
        assertThat(Probes.idleShare(new long[] {100, 1_000}, new long[] {150, 1_200}))
                .isEqualTo(0.25);
        assertThat(Probes.idleShare(null, new long[] {150, 1_200})).isNaN();
        assertThat(Probes.idleShare(new long[] {100, 1_000}, new long[] {100, 1_000}))
                .isNaN();
    }

    @Test
    void comparesMemoryByPairedExcessAndLeavesSingleSidedRowsWithoutRatio() {
        Row heap = Row.compared(
                "heap", Operation.SAGEMAKER, "KB", Goal.maxExcess(16), new double[] {40}, new double[] {42.5});
        Row ceiling = Row.single("ceiling", Operation.SAGEMAKER, "frames/s", new double[] {20_000});

        String table = ResultTable.markdown(List.of(heap, ceiling));

        assertThat(table)
                .contains("| heap | sagemaker | KB | 40.0 | 42.5 | 1.063 | 1 | <= raw + 16.0 KB: ok (n=1,"
                        + " range only) (+2.50 [+2.50, +2.50]) |")
                .contains("| ceiling | sagemaker | frames/s | 20,000 | - | - | 1 |  |");
    }

    @Test
    void jsonCarriesSamplesIntervalsAndVerdicts() {
        Row heap = Row.compared(
                "heap", Operation.SAGEMAKER, "KB", Goal.maxExcess(16), new double[] {40, 41}, new double[] {42.5, 43});

        String json = ResultTable.json(List.of(heap), "header line\n");

        assertThat(json)
                .contains("\"header\": \"header line\"")
                .contains("\"raw\": {\"median\": {\"median\": 40.5000, \"low\": 40.0000, \"high\": 41.0000,"
                        + " \"confidence\": 0.5000, \"n\": 2}, \"samples\": [40.0000, 41.0000]}")
                .contains("\"difference\": {\"median\": 2.2500")
                .contains("\"target\": \"<= raw + 16.0 KB: ok (n=2, range only) (+2.25 [+2.00, +2.50])\"");
    }

    @Test
    void percentileIsNearestRank() {
        long[] samples = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};

        assertThat(Numbers.percentile(samples, 50)).isEqualTo(5);
        assertThat(Numbers.percentile(samples, 99)).isEqualTo(10);
    }
}
