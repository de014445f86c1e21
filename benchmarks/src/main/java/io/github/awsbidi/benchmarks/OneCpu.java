package io.github.awsbidi.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Processes pinned to one CPU for as long as this is open, with Linux's {@code taskset}; closing gives each back the
 * CPUs it had.
 * <p>
 * Why: with one frame in flight, the client's event-loop thread and the emulator's take turns, and the CPU time each
 * turn costs depends on where the scheduler puts the two threads (the same CPU, or two, waking each other across
 * them). Measured on a 2-core VM: one stream's CPU per round trip stayed near 30 µs or near 75 µs for its whole life,
 * whichever client carried it, so a session/raw ratio of two streams was 0.54 to 1.38 even when their round trips
 * were interleaved 200 at a time; with both processes on one CPU the same interleaved pairs gave 0.85 to 1.07. On one
 * CPU every turn costs what the code costs, which is what the per-frame comparison is for.
 * <p>
 * Pinning is best effort: without {@code taskset} (or on another OS), or when it fails, nothing is pinned and
 * {@link #description()} says why, for the row's label.
 */
final class OneCpu implements AutoCloseable {

    private static final long TASKSET_SECONDS = 10;

    private final Map<Long, String> previousCpus;
    private final String description;

    private OneCpu(Map<Long, String> previousCpus, String description) {
        this.previousCpus = previousCpus;
        this.description = description;
    }

    /**
     * Pins every thread of each process in {@code pids} (this JVM's too, when listed) to the first CPU this JVM may
     * run on. Never throws: a failure leaves everything as it was and is told by {@link #description()}.
     */
    static OneCpu pin(List<Long> pids) {
        Map<Long, String> previous = new LinkedHashMap<>();
        try {
            String cpu = firstCpu(affinityList(
                    taskset("-p", "-c", String.valueOf(ProcessHandle.current().pid()))));
            for (long pid : pids) {
                previous.put(pid, affinityList(taskset("-p", "-c", String.valueOf(pid))));
            }
            for (long pid : pids) {
                taskset("-a", "-p", "-c", cpu, String.valueOf(pid));
            }
            return new OneCpu(previous, "client and emulator on CPU " + cpu);
        } catch (IOException e) {
            restore(previous);
            return notPinned(String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            restore(previous);
            return notPinned("interrupted");
        }
    }

    /** Nothing pinned, for {@code why}. */
    static OneCpu notPinned(String why) {
        return new OneCpu(Map.of(), "not pinned: " + why);
    }

    /** Whether the processes are pinned. */
    boolean pinned() {
        return !previousCpus.isEmpty();
    }

    /** Where the processes run, or why they were not pinned. */
    String description() {
        return description;
    }

    /** Gives every thread of each pinned process its CPUs back (threads started meanwhile included). */
    @Override
    public void close() {
        restore(previousCpus);
    }

    private static void restore(Map<Long, String> previous) {
        for (Map.Entry<Long, String> entry : previous.entrySet()) {
            try {
                taskset("-a", "-p", "-c", entry.getValue(), String.valueOf(entry.getKey()));
            } catch (IOException e) {
                System.err.println("aws-bidi benchmarks: could not give process " + entry.getKey() + " its CPUs "
                        + entry.getValue() + " back: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The CPU list of {@code taskset -p -c}'s answer, e.g. {@code 0,1} from {@code pid 7's current affinity list:
     * 0,1}.
     */
    static String affinityList(String answer) throws IOException {
        int colon = answer.lastIndexOf(':');
        String list = colon < 0 ? "" : answer.substring(colon + 1).strip();
        if (list.isEmpty() || !list.matches("[0-9,\\-]+")) {
            throw new IOException("taskset answered '" + answer.strip() + "', not a CPU list");
        }
        return list;
    }

    /** The first CPU of a CPU list such as {@code 2-5,7}. */
    static String firstCpu(String list) {
        String first = list.split(",", 2)[0];
        return first.split("-", 2)[0];
    }

    private static String taskset(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("taskset");
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("taskset cannot run here (" + e.getMessage() + ")", e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TASKSET_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + text.strip());
        }
        return text;
    }
}
