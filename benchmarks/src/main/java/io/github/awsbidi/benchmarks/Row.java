package io.github.awsbidi.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * One line of the results: a metric measured over several iterations for the raw SDK and, unless it describes the
 * emulator alone, for the session.
 *
 * @param metric what was measured, e.g. {@code throughput, 200 B frames}
 * @param operation {@code sagemaker} or {@code bedrock}
 * @param unit the unit of every sample
 * @param goal the target of session against raw
 * @param raw one sample per iteration for the raw SDK client
 * @param session one sample per iteration for the session, or {@code null}
 */
record Row(String metric, String operation, String unit, Goal goal, double[] raw, double @Nullable [] session) {

    Row {
        if (raw.length == 0 || (session != null && session.length == 0)) {
            throw new IllegalArgumentException("a row needs at least one sample per side: " + metric);
        }
    }

    static Row compared(String metric, Operation operation, String unit, Goal goal, double[] raw, double[] session) {
        return new Row(metric, operation.label(), unit, goal, raw, session);
    }

    static Row single(String metric, Operation operation, String unit, double[] samples) {
        return new Row(metric, operation.label(), unit, Goal.NONE, samples, null);
    }
}
