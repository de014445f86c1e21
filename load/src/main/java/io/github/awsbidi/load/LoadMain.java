package io.github.awsbidi.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code java -jar load/target/aws-bidi-load.jar --target ... [options]}: runs the load (see {@link LoadOptions}
 * for the options) and prints the report. Progress and the report go to standard error and standard output.
 * Exit status: 0 if every session completed, 1 if any failed, 2 for bad options.
 */
public final class LoadMain {

    private LoadMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs with {@code args}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException, IOException {
        LoadOptions options;
        AudioClip clip;
        try {
            options = LoadOptions.parse(args);
            if (options.help()) {
                out.println(LoadOptions.USAGE);
                return 0;
            }
            clip = options.audio() != null ? AudioClip.fromWav(options.audio()) : AudioClip.voiceLike();
            String heap = heapProblem(options.sessions());
            if (heap != null) {
                throw new InvalidOptionException("--sessions", heap);
            }
        } catch (InvalidOptionException e) {
            err.println("aws-bidi load: " + e.getMessage());
            err.println(LoadOptions.USAGE);
            return 2;
        }
        LoadReport report = new LoadRun(options, clip, err).run();
        out.print(report.text());
        Path json = options.json();
        if (json != null) {
            Files.writeString(json, report.json(), StandardCharsets.UTF_8);
        }
        return report.failed() == 0 ? 0 : 1;
    }

    /**
     * Why the heap is too small, or {@code null}: every open stream holds the SDK's 2 MiB event-stream decoder buffer,
     * which G1 (at its default region size up to 4 MiB) stores in a whole humongous region.
     */
    static @Nullable String heapProblem(int sessions) {
        long needed = (long) (sessions * 4.5 * 1024 * 1024) + 256L * 1024 * 1024;
        long max = Runtime.getRuntime().maxMemory();
        if (max >= needed) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "%d sessions need a heap of about %d MB (the SDK keeps a 2 MiB buffer per"
                        + " stream) but the maximum is %d MB: run java -Xmx%dg -jar ..., or use fewer sessions",
                sessions,
                needed >> 20,
                max >> 20,
                (needed >> 30) + 1);
    }
}
