package io.github.awsbidi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void printsMediansRangesRatioAndVerdict() {
        Row throughput = Row.compared("throughput", Operation.BEDROCK, "frames/s", Goal.minRatio(0.95),
                new double[] {1000, 1200, 1100}, new double[] {900, 1000, 950});

        String table = ResultTable.markdown(List.of(throughput));

        assertThat(table).contains("| throughput | bedrock | frames/s | 1,100 (1,000-1,200) | 950 (900-1,000) | 0.86 "
                + "| >= 0.95 MISS |");
    }

    @Test
    void comparesMemoryByExcessAndLeavesSingleSidedRowsWithoutRatio() {
        Row heap = Row.compared("heap", Operation.SAGEMAKER, "KB", Goal.maxExcess(16), new double[] {40},
                new double[] {42.5});
        Row ceiling = Row.single("ceiling", Operation.SAGEMAKER, "frames/s", new double[] {20_000});

        String table = ResultTable.markdown(List.of(heap, ceiling));

        assertThat(table).contains("| heap | sagemaker | KB | 40.0 | 42.5 | 1.06 | <= raw + 16.0 KB: ok (+2.5) |")
                .contains("| ceiling | sagemaker | frames/s | 20,000 | - | - |  |");
    }

    @Test
    void percentileIsNearestRank() {
        long[] samples = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};

        assertThat(Numbers.percentile(samples, 50)).isEqualTo(5);
        assertThat(Numbers.percentile(samples, 99)).isEqualTo(10);
    }
}
