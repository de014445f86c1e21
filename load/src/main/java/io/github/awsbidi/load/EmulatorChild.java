package io.github.awsbidi.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator jar of {@code --emulator}, run in a child JVM on loopback with TLS (as AWS serves), so that one
 * command measures client and server on the same machine and can tell their CPU apart. The load tool does not link
 * the emulator: it starts the jar as a user would ({@code java -jar}), and reads its CPU time from the operating
 * system.
 */
final class EmulatorChild implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("aws-bidi emulator listening on (\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final URI endpoint;
    private final Path certificate;

    private EmulatorChild(Process process, URI endpoint, Path certificate) {
        this.process = process;
        this.endpoint = endpoint;
        this.certificate = certificate;
    }

    /** Starts {@code jar}; its output other than the line that names its endpoint goes to {@code log}. */
    static EmulatorChild start(Path jar, PrintStream log) throws IOException, InterruptedException {
        Path certificate = Files.createTempFile("aws-bidi-load-emulator", ".pem");
        certificate.toFile().deleteOnExit();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--port",
                "0",
                "--tls",
                "--cert-out",
                certificate.toString(),
                "--credentials",
                LoadOptions.EMULATOR_KEY + ":" + LoadOptions.EMULATOR_KEY);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "load-emulator-stop"));
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> forward(process, listening, log), "load-emulator-output");
        pump.setDaemon(true);
        pump.start();
        try {
            URI endpoint = listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new EmulatorChild(process, endpoint, certificate);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException(
                    "the emulator " + jar + " did not start within " + START_TIMEOUT.toSeconds() + " s: "
                            + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
                    e);
        }
    }

    private static void forward(Process process, CompletableFuture<URI> listening, PrintStream log) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher matcher = LISTENING.matcher(line);
                if (!listening.isDone() && matcher.find()) {
                    listening.complete(URI.create(matcher.group(1)));
                } else {
                    log.println("[emulator] " + line);
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IOException("it exited"));
    }

    URI endpoint() {
        return endpoint;
    }

    /** The emulator's self-signed certificate, PEM. */
    Path certificate() {
        return certificate;
    }

    /** CPU time the emulator's JVM has used so far, in nanoseconds, or -1 where the system does not tell. */
    long cpuNanos() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(-1L);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
