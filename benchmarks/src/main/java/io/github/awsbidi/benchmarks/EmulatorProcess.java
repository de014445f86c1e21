package io.github.awsbidi.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * The emulator in its own JVM ({@code EmulatorMain --port 0 --tls --config}, the configuration holding Polly's
 * pacing for {@link PollyBenchmark}), so the benchmark JVM's heap and CPU hold the client alone. It serves TLS, as
 * AWS does, with a self-signed certificate that this process trusts. The child runs on this JVM's class path, and
 * its output is passed on to standard error.
 */
final class EmulatorProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("aws-bidi emulator listening on (\\S+)");

    private final @Nullable Process process;
    private final URI endpoint;
    private final Path certificate;
    private final TrustManager[] trustManagers;

    private EmulatorProcess(@Nullable Process process, URI endpoint, Path certificate, TrustManager[] trustManagers) {
        this.process = process;
        this.endpoint = endpoint;
        this.certificate = certificate;
        this.trustManagers = trustManagers;
    }

    /** An emulator another JVM started (a memory probe's parent), known by its endpoint and certificate. */
    static EmulatorProcess attach(URI endpoint, Path certificate) throws IOException {
        return new EmulatorProcess(null, endpoint, certificate, trusting(certificate));
    }

    static EmulatorProcess start(List<String> jvmOptions, Duration timeout) throws IOException, InterruptedException {
        return start(jvmOptions, null, List.of(), timeout);
    }

    /**
     * Starts the emulator of {@code jar} rather than the one on this class path when it is given: another build of it,
     * to compare emulators on one machine (its manifest's class path brings its {@code lib/}). That emulator gets no
     * {@code --config}, which one older than Polly's settings would refuse, so the Polly rows cannot run against it.
     * {@code arguments} are more command-line options for it.
     */
    static EmulatorProcess start(List<String> jvmOptions, @Nullable Path jar, List<String> arguments, Duration timeout)
            throws IOException, InterruptedException {
        Path certificate = Files.createTempFile("aws-bidi-emulator", ".pem");
        certificate.toFile().deleteOnExit();
        Path config = Files.createTempFile("aws-bidi-emulator", ".json");
        config.toFile().deleteOnExit();
        Files.writeString(config, PollyBenchmark.EMULATOR_CONFIG, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(jar == null ? System.getProperty("java.class.path") : jar.toString());
        command.add("io.github.awsbidi.emulator.EmulatorMain");
        command.add("--port");
        command.add("0");
        command.add("--tls");
        command.add("--cert-out");
        command.add(certificate.toString());
        if (jar == null) {
            command.add("--config");
            command.add(config.toString());
        }
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "emulator-process-stop"));
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> forward(process, listening), "emulator-output");
        pump.setDaemon(true);
        pump.start();
        try {
            URI endpoint = listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new EmulatorProcess(process, endpoint, certificate, trusting(certificate));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("the emulator did not start within " + timeout + ": " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trusting(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("aws-bidi-emulator", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust the emulator's certificate " + pem + ": " + e.getMessage(), e);
        }
    }

    private static void forward(Process process, CompletableFuture<URI> listening) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Matcher matcher = LISTENING.matcher(line);
                if (!listening.isDone() && matcher.find()) {
                    listening.complete(URI.create(matcher.group(1)));
                } else {
                    System.err.println("[emulator] " + line);
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IOException("the emulator exited with " + exitValue(process)));
    }

    private static String exitValue(Process process) {
        try {
            return String.valueOf(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown status";
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** The emulator's self-signed certificate, PEM. */
    Path certificate() {
        return certificate;
    }

    /** Trust in the emulator's self-signed certificate. */
    TrustManager[] trustManagers() {
        return trustManagers.clone();
    }

    /** The emulator's process id, empty when another JVM started it ({@link #attach}). */
    OptionalLong pid() {
        Process current = process;
        return current == null ? OptionalLong.empty() : OptionalLong.of(current.pid());
    }

    /** CPU time the emulator process has used so far, in nanoseconds (the OS counts in clock ticks). */
    long cpuNanos() {
        Process current = process;
        if (current == null) {
            return -1;
        }
        return current.toHandle()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(-1L);
    }

    @Override
    public void close() {
        Process process = this.process;
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
