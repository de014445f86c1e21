package io.github.awsbidi.load;

import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * What a run measured, as text for people and JSON for scripts. Latencies in milliseconds.
 *
 * @param target the target option
 * @param endpoint the endpoint override, or {@code AWS}
 * @param startedAt when the run started
 * @param sessions sessions started
 * @param durationSeconds the measured window's length
 * @param rampSeconds the ramp
 * @param completed sessions that streamed until the run finished them and ended cleanly
 * @param failed sessions that did not
 * @param failedByKind failures by error kind ({@code connection}, {@code throttling}, {@code timeout}, …)
 * @param firstFailures the first message of each kind
 * @param framesSent audio frames sent by all sessions
 * @param responses response frames (or assistant audio chunks) received
 * @param latencyKind what a latency sample is
 * @param latency the latency distribution of the frames sent in the measured window, or {@code null} without
 *     samples
 * @param firstResponse from asking to open a stream to its first response, or {@code null}
 * @param pacerLag how late the frames due in the window went out (a starved client's pacer), or {@code null}
 * @param coldStartSeconds the first part of the run reported apart as its cold start
 * @param coldLatency latencies of frames sent in the cold start (class loading, JIT, TLS handshakes), or
 *     {@code null}
 * @param coldFirstResponse first responses of streams asked for in the cold start, or {@code null}
 * @param warmupSeconds how long the warm-up pass's sessions streamed from the start (0: no warm-up pass)
 * @param window when the measured window was and what it held
 * @param cpuSeconds CPU time of this whole JVM during the measured window
 * @param emulatorCpuSeconds CPU time of the emulator this tool started, over the same time, or {@code null}
 * @param wallSeconds the measured window's wall time
 * @param cpuMicrosPerFrame CPU time per frame sent in the measured window, or {@code null}
 * @param heapPerSessionKb heap per open session (lowest heap in use while all were open, less the heap before),
 *     or {@code null} if they were never all open at once
 * @param turns assistant turns ended (Nova Sonic)
 * @param bargeIns barge-ins (Nova Sonic)
 * @param cpus processors available to this JVM
 * @param jdk the Java runtime version
 * @param maxHeapMb the maximum heap
 * @param connections how the client spreads streams: streams per connection and event-loop threads
 */
record LoadReport(
        String target,
        String endpoint,
        Instant startedAt,
        int sessions,
        double durationSeconds,
        double rampSeconds,
        int completed,
        int failed,
        Map<String, Long> failedByKind,
        Map<String, String> firstFailures,
        long framesSent,
        long responses,
        LatencyKind latencyKind,
        @Nullable Percentiles latency,
        @Nullable Percentiles firstResponse,
        @Nullable Percentiles pacerLag,
        double coldStartSeconds,
        @Nullable Percentiles coldLatency,
        @Nullable Percentiles coldFirstResponse,
        double warmupSeconds,
        Window window,
        double cpuSeconds,
        @Nullable Double emulatorCpuSeconds,
        double wallSeconds,
        @Nullable Double cpuMicrosPerFrame,
        @Nullable Double heapPerSessionKb,
        long turns,
        long bargeIns,
        int cpus,
        String jdk,
        long maxHeapMb,
        String connections) {

    /** What one latency sample measures. */
    enum LatencyKind {
        /** A response frame after the frame it answers (the oldest not yet answered). */
        FRAME("frame response latency (frame sent -> its response)"),
        /** The end of the user's speech in the audio sent -> the assistant's first audio after it. */
        TURN("turn response latency (end of user speech -> first assistant audio)"),
        /** A flushed sentence sent to Polly -> the next audio (first response: first text -> first audio). */
        FLUSH("flush latency (sentence flushed -> next audio; first response is first text -> first audio)");

        private final String description;

        LatencyKind(String description) {
            this.description = description;
        }
    }

    /**
     * The measured window: every session open and streaming, none starting or ending.
     *
     * @param startSeconds how far into the run it started
     * @param openAtStart sessions open at its start
     * @param openAtEnd sessions open at its end
     * @param frames frames sent in it
     * @param machineIdle the machine's idle share of its CPU over it (0 to 1), or {@code null} where the system does
     *     not tell
     * @param warmUpCompleted sessions of the warm-up pass that completed (0 without one)
     * @param warmUpFailed sessions of the warm-up pass that failed
     */
    record Window(
            double startSeconds,
            int openAtStart,
            int openAtEnd,
            long frames,
            @Nullable Double machineIdle,
            int warmUpCompleted,
            int warmUpFailed) {}

    /** A latency distribution in milliseconds. */
    record Percentiles(long count, double p50, double p90, double p99, double max) {

        static @Nullable Percentiles of(Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return null;
            }
            return new Percentiles(
                    micros.getTotalCount(),
                    micros.getValueAtPercentile(50) / 1e3,
                    micros.getValueAtPercentile(90) / 1e3,
                    micros.getValueAtPercentile(99) / 1e3,
                    micros.getMaxValue() / 1e3);
        }

        String text() {
            return String.format(
                    Locale.ROOT,
                    "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%,d samples)",
                    p50,
                    p90,
                    p99,
                    max,
                    count);
        }

        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"count\": %d, \"p50\": %.3f, \"p90\": %.3f, \"p99\": %.3f," + " \"max\": %.3f}",
                    count,
                    p50,
                    p90,
                    p99,
                    max);
        }
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "aws-bidi load: %d sessions to %s at %s, measured %.1f s once all were open, ramp %.1f s, started %s%n",
                sessions,
                target,
                endpoint,
                durationSeconds,
                rampSeconds,
                startedAt));
        out.append(String.format(
                Locale.ROOT,
                "  sessions     completed %d, failed %d%s%n",
                completed,
                failed,
                failedByKind.isEmpty() ? "" : " " + failedByKind));
        firstFailures.forEach((kind, detail) -> out.append("               first ")
                .append(kind)
                .append(": ")
                .append(detail)
                .append(System.lineSeparator()));
        out.append(String.format(
                Locale.ROOT,
                "  frames       sent %,d, responses %,d%s%n",
                framesSent,
                responses,
                latencyKind == LatencyKind.TURN
                        ? String.format(Locale.ROOT, ", turns %d, barge-ins %d", turns, bargeIns)
                        : ""));
        if (warmupSeconds > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "  warm-up      %d sessions streamed for the first %.1f s and ended before the measured ones started"
                            + " (completed %d, failed %d): not counted, other than in the cold start%n",
                    sessions,
                    warmupSeconds,
                    window.warmUpCompleted(),
                    window.warmUpFailed()));
        }
        out.append(String.format(
                Locale.ROOT,
                "  window       %.1f s from %.1f s into the run, sessions open %d at its start and %d at its end,"
                        + " %,d frames sent in it%s: the latency and CPU lines below are the window's%n",
                durationSeconds,
                window.startSeconds(),
                window.openAtStart(),
                window.openAtEnd(),
                window.frames(),
                unanswered() > 0
                        ? String.format(
                                Locale.ROOT,
                                ", %,d of them never answered (their sessions failed; not in the latency)",
                                unanswered())
                        : ""));
        out.append("  latency      ")
                .append(latencyKind.description)
                .append(": ")
                .append(latency != null ? latency.text() : "no samples")
                .append(System.lineSeparator());
        out.append("  first resp.  ")
                .append(firstResponse != null ? firstResponse.text() : "no samples")
                .append(System.lineSeparator());
        out.append(
                        "  pacer lag    frames sent late (a busy client sends the missed ones at once; on top of the latency): ")
                .append(pacerLag != null ? pacerLag.text() : "no samples")
                .append(System.lineSeparator());
        out.append(String.format(
                        Locale.ROOT,
                        "  cold start   the first %.1f s, apart from the lines above: latency ",
                        coldStartSeconds))
                .append(coldLatency != null ? coldLatency.text() : "no samples")
                .append("; first response ")
                .append(coldFirstResponse != null ? coldFirstResponse.text() : "no samples")
                .append(System.lineSeparator());
        out.append(String.format(
                Locale.ROOT,
                "  client CPU   %.1f s over %.1f s (%.2f cores of %d)%s; machine idle %s%n",
                cpuSeconds,
                wallSeconds,
                wallSeconds > 0 ? cpuSeconds / wallSeconds : 0,
                cpus,
                cpuMicrosPerFrame != null ? String.format(Locale.ROOT, ", %.1f us per frame", cpuMicrosPerFrame) : "",
                idlePercent("%.1f%%", "not known")));
        if (emulatorCpuSeconds != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "  emulator CPU %.1f s over the same %.1f s (%.2f cores), started by this run on this machine%n",
                    emulatorCpuSeconds,
                    wallSeconds,
                    wallSeconds > 0 ? emulatorCpuSeconds / wallSeconds : 0));
        }
        out.append("  connections  ").append(connections).append(System.lineSeparator());
        out.append("  heap         ")
                .append(
                        heapPerSessionKb != null
                                ? String.format(Locale.ROOT, "%.0f KB per open session", heapPerSessionKb)
                                : "not measured (the sessions were never all open at once)")
                .append(String.format(Locale.ROOT, "; max heap %d MB, JDK %s%n", maxHeapMb, jdk));
        return out.toString();
    }

    /**
     * Frames sent in the window that no response answered (frame streams only: a session that failed or was given up
     * on). Their latency is unknown, and leaving them out flatters the percentiles: the report says how many.
     */
    private long unanswered() {
        if (latencyKind != LatencyKind.FRAME) {
            return 0;
        }
        return Math.max(0, window.frames() - (latency != null ? latency.count() : 0));
    }

    /** The window's machine idle share in percent, formatted, or {@code missing} where it is not known. */
    private String idlePercent(String format, String missing) {
        Double idle = window.machineIdle();
        return idle != null ? String.format(Locale.ROOT, format, idle * 100) : missing;
    }

    String json() {
        StringBuilder out = new StringBuilder("{\n");
        field(out, "target", quote(target));
        field(out, "endpoint", quote(endpoint));
        field(out, "started_at", quote(startedAt.toString()));
        field(out, "sessions", Integer.toString(sessions));
        field(out, "duration_s", number(durationSeconds));
        field(out, "ramp_s", number(rampSeconds));
        field(out, "warmup_s", number(warmupSeconds));
        field(
                out,
                "window",
                String.format(
                        Locale.ROOT,
                        "{\"start_s\": %s, \"seconds\": %s, \"open_at_start\": %d, \"open_at_end\": %d,"
                                + " \"frames_sent\": %d, \"machine_idle_percent\": %s,"
                                + " \"unanswered\": %d, \"warmup_completed\": %d, \"warmup_failed\": %d}",
                        number(window.startSeconds()),
                        number(durationSeconds),
                        window.openAtStart(),
                        window.openAtEnd(),
                        window.frames(),
                        idlePercent("%.3f", "null"),
                        unanswered(),
                        window.warmUpCompleted(),
                        window.warmUpFailed()));
        field(out, "completed", Integer.toString(completed));
        field(out, "failed", Integer.toString(failed));
        field(out, "failed_by_kind", object(failedByKind, value -> Long.toString(value)));
        field(out, "first_failures", object(firstFailures, LoadReport::quote));
        field(out, "frames_sent", Long.toString(framesSent));
        field(out, "responses", Long.toString(responses));
        field(out, "latency_kind", quote(latencyKind.name().toLowerCase(Locale.ROOT)));
        field(out, "latency_ms", latency != null ? latency.json() : "null");
        field(out, "first_response_ms", firstResponse != null ? firstResponse.json() : "null");
        field(out, "pacer_lag_ms", pacerLag != null ? pacerLag.json() : "null");
        field(out, "cold_start_s", number(coldStartSeconds));
        field(out, "cold_start_latency_ms", coldLatency != null ? coldLatency.json() : "null");
        field(out, "cold_start_first_response_ms", coldFirstResponse != null ? coldFirstResponse.json() : "null");
        field(out, "turns", Long.toString(turns));
        field(out, "barge_ins", Long.toString(bargeIns));
        field(
                out,
                "cpu",
                String.format(
                        Locale.ROOT,
                        "{\"process_seconds\": %s, \"wall_seconds\": %s, \"cores\": %s,"
                                + " \"us_per_frame\": %s, \"available_processors\": %d}",
                        number(cpuSeconds),
                        number(wallSeconds),
                        number(wallSeconds > 0 ? cpuSeconds / wallSeconds : 0),
                        cpuMicrosPerFrame != null ? number(cpuMicrosPerFrame) : "null",
                        cpus));
        field(
                out,
                "emulator_cpu",
                emulatorCpuSeconds == null
                        ? "null"
                        : String.format(
                                Locale.ROOT,
                                "{\"process_seconds\": %s, \"cores\": %s}",
                                number(emulatorCpuSeconds),
                                number(wallSeconds > 0 ? emulatorCpuSeconds / wallSeconds : 0)));
        field(out, "connections", quote(connections));
        field(out, "heap_per_session_kb", heapPerSessionKb != null ? number(heapPerSessionKb) : "null");
        field(out, "max_heap_mb", Long.toString(maxHeapMb));
        out.append("  \"jdk\": ").append(quote(jdk)).append("\n}\n");
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(quote(name)).append(": ").append(value).append(",\n");
    }

    private static <V> String object(Map<String, V> map, java.util.function.Function<V, String> value) {
        StringBuilder out = new StringBuilder("{");
        Iterator<Map.Entry<String, V>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, V> entry = entries.next();
            out.append(quote(entry.getKey())).append(": ").append(value.apply(entry.getValue()));
            if (entries.hasNext()) {
                out.append(", ");
            }
        }
        return out.append('}').toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "null";
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
