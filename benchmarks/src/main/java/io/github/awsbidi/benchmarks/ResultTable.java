package io.github.awsbidi.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * Renders rows as one Markdown table, and as JSON: per side the median with its 95% interval, the median of the
 * per-pair session/raw ratios with its interval, the number of pairs and the target's verdict on the interval.
 */
final class ResultTable {

    private static final String HEADER = "| Metric | Op | Unit | Raw SDK: median [95% CI] | Session: median [95% CI]"
            + " | Session/raw per pair: median [95% CI] | n | Target |\n|---|---|---|---:|---:|---:|---:|---|\n";

    private ResultTable() {}

    static String markdown(List<Row> rows) {
        StringBuilder table = new StringBuilder(HEADER);
        for (Row row : rows) {
            double[] sessionSamples = row.session();
            String session = "-";
            String ratio = "-";
            String verdict = "";
            if (sessionSamples != null) {
                session = cell(Interval.ofMedian(sessionSamples));
                if (Numbers.min(row.raw()) > 0) {
                    Interval ratios = Interval.ofRatios(row.raw(), sessionSamples);
                    ratio = ratios.samples() == 1
                            ? String.format(Locale.ROOT, "%.3f", ratios.median())
                            : String.format(
                                    Locale.ROOT, "%.3f [%.3f, %.3f]", ratios.median(), ratios.low(), ratios.high());
                }
                verdict = row.goal().verdict(row.raw(), sessionSamples, row.unit());
            }
            table.append("| ")
                    .append(row.metric())
                    .append(" | ")
                    .append(row.operation())
                    .append(" | ")
                    .append(row.unit())
                    .append(" | ")
                    .append(cell(Interval.ofMedian(row.raw())))
                    .append(" | ")
                    .append(session)
                    .append(" | ")
                    .append(ratio)
                    .append(" | ")
                    .append(row.raw().length)
                    .append(" | ")
                    .append(verdict)
                    .append(" |\n");
        }
        return table.toString();
    }

    static String json(List<Row> rows, String header) {
        StringBuilder out = new StringBuilder("{\n  \"header\": ")
                .append(quote(header.strip()))
                .append(",\n  \"rows\": [\n");
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            out.append("    {\"metric\": ")
                    .append(quote(row.metric()))
                    .append(", \"operation\": ")
                    .append(quote(row.operation()))
                    .append(", \"unit\": ")
                    .append(quote(row.unit()))
                    .append(", \"raw\": ")
                    .append(side(row.raw()));
            double[] session = row.session();
            if (session != null) {
                out.append(", \"session\": ").append(side(session));
                if (Numbers.min(row.raw()) > 0) {
                    out.append(", \"ratio\": ").append(interval(Interval.ofRatios(row.raw(), session)));
                }
                out.append(", \"difference\": ")
                        .append(interval(Interval.ofDifferences(row.raw(), session)))
                        .append(", \"target\": ")
                        .append(quote(row.goal().verdict(row.raw(), session, row.unit())));
            }
            out.append(r + 1 < rows.size() ? "},\n" : "}\n");
        }
        return out.append("  ]\n}\n").toString();
    }

    private static String cell(Interval interval) {
        if (interval.samples() == 1) {
            return Numbers.format(interval.median());
        }
        return Numbers.format(interval.median()) + " [" + Numbers.format(interval.low()) + ", "
                + Numbers.format(interval.high()) + "]";
    }

    private static String side(double[] samples) {
        StringBuilder values = new StringBuilder("[");
        for (int i = 0; i < samples.length; i++) {
            values.append(i > 0 ? ", " : "").append(number(samples[i]));
        }
        return "{\"median\": " + interval(Interval.ofMedian(samples)) + ", \"samples\": " + values + "]}";
    }

    private static String interval(Interval interval) {
        return String.format(
                Locale.ROOT,
                "{\"median\": %s, \"low\": %s, \"high\": %s, \"confidence\": %.4f, \"n\": %d}",
                number(interval.median()),
                number(interval.low()),
                number(interval.high()),
                interval.confidence(),
                interval.samples());
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "null";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
