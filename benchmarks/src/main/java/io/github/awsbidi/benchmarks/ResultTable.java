package io.github.awsbidi.benchmarks;

import java.util.List;
import java.util.Locale;

/** Renders rows as one Markdown table: medians with their min–max range, the ratio and the target. */
final class ResultTable {

    private static final String HEADER = "| Metric | Op | Unit | Raw SDK: median (min-max) | Session: median (min-max)"
            + " | Session/raw | Target |\n|---|---|---|---:|---:|---:|---|\n";

    private ResultTable() {
    }

    static String markdown(List<Row> rows) {
        StringBuilder table = new StringBuilder(HEADER);
        for (Row row : rows) {
            double raw = Numbers.median(row.raw());
            double[] sessionSamples = row.session();
            String session = sessionSamples != null ? cell(sessionSamples) : "-";
            String ratio = "-";
            String verdict = "";
            if (sessionSamples != null) {
                double sessionMedian = Numbers.median(sessionSamples);
                ratio = raw != 0 ? String.format(Locale.ROOT, "%.2f", sessionMedian / raw) : "-";
                verdict = row.goal().verdict(raw, sessionMedian, row.unit());
            }
            table.append("| ").append(row.metric())
                    .append(" | ").append(row.operation())
                    .append(" | ").append(row.unit())
                    .append(" | ").append(cell(row.raw()))
                    .append(" | ").append(session)
                    .append(" | ").append(ratio)
                    .append(" | ").append(verdict)
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String cell(double[] samples) {
        if (samples.length == 1) {
            return Numbers.format(samples[0]);
        }
        return Numbers.format(Numbers.median(samples)) + " (" + Numbers.format(Numbers.min(samples)) + "-"
                + Numbers.format(Numbers.max(samples)) + ")";
    }
}
