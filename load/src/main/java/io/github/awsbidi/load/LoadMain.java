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
            String heap = heapProblem(options.sessions(), Runtime.getRuntime().maxMemory(), oldEventStreamDecoder());
            if (heap != null) {
                throw new InvalidOptionException("--sessions", heap);
            }
        } catch (InvalidOptionException e) {
            err.println("aws-bidi load: " + e.getMessage());
            err.println(LoadOptions.USAGE);
            return 2;
        }
        LoadReport report;
        Path emulatorJar = options.emulator();
        if (emulatorJar == null) {
            report = new LoadRun(options, clip, err, null).run();
        } else {
            try (EmulatorChild emulator = EmulatorChild.start(emulatorJar, err)) {
                err.println("aws-bidi load: started the emulator at " + emulator.endpoint());
                report = new LoadRun(
                                options.onEmulator(emulator.endpoint(), emulator.certificate()),
                                clip,
                                err,
                                emulator::cpuNanos)
                        .run();
            }
        }
        out.print(report.text());
        Path json = options.json();
        if (json != null) {
            Files.writeString(json, report.json(), StandardCharsets.UTF_8);
        }
        return report.failed() == 0 ? 0 : 1;
    }

    /**
     * Why the heap is too small, or {@code null}. On AWS SDKs that decode event streams with
     * {@code software.amazon.eventstream} (2.40.2 does) every open stream holds its 2 MiB decoder buffer, which G1
     * stores in a whole humongous region (about 4.5 MiB a stream); newer SDKs (2.57.8 and 2.59.1 checked) decode with
     * a buffer that starts at 2 KiB (tens of KB a stream: 256 KB is allowed for it, with room for Nova Sonic's
     * conversation state).
     */
    static @Nullable String heapProblem(int sessions, long max, boolean oldDecoder) {
        double perStream = oldDecoder ? 4.5 * 1024 * 1024 : 256 * 1024;
        long needed = (long) (sessions * perStream) + 256L * 1024 * 1024;
        if (max >= needed) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "%d sessions need a heap of about %d MB but the maximum is %d MB: run java -Xmx%dg -jar ...,"
                        + " or use fewer sessions",
                sessions,
                needed >> 20,
                max >> 20,
                (needed >> 30) + 1);
    }

    /** Whether the SDK decodes event streams with the old library whose decoder holds 2 MiB per stream. */
    static boolean oldEventStreamDecoder() {
        try {
            Class.forName("software.amazon.eventstream.MessageDecoder", false, LoadMain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
