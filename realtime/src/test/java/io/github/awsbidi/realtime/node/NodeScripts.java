package io.github.awsbidi.realtime.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs this module's node scripts ({@code src/test/resources/node/*.mjs}: the official {@code openai} package and the
 * Agents SDK driving an OpenAI Realtime endpoint, unchanged) from a test, in a directory where their npm packages are
 * installed once (e.g. {@code target/node-openai}). Shared with other modules' tests through this module's test-jar
 * (the sample app drives the same scripts against itself). Where node or the registry is missing, {@link #install}
 * prints one line and answers false, so the test can skip.
 */
public final class NodeScripts {

    /** The official {@code openai} package's {@code OpenAIRealtimeWS} (6.x: the line that runs on Node 20). */
    public static final String OPENAI_SCRIPT = "openai-realtime-ws.mjs";

    /** The packages {@link #OPENAI_SCRIPT} needs. */
    public static final List<String> OPENAI_PACKAGES = List.of("openai@6", "ws@8");

    /** The Agents SDK's {@code RealtimeSession}. */
    public static final String AGENTS_SCRIPT = "agents-realtime-session.mjs";

    /** The packages {@link #AGENTS_SCRIPT} needs. */
    public static final List<String> AGENTS_PACKAGES = List.of("@openai/agents-realtime", "ws@8");

    private NodeScripts() {}

    /**
     * Whether node runs and {@code packages} are installed in {@code dir} (installed with npm when missing). Prints
     * one line naming {@code test} and why when they cannot be.
     */
    public static boolean install(Path dir, String test, List<String> packages) {
        if (!runs(List.of("node", "--version"), Path.of("."))) {
            System.out.println(test + " skipped: node is not on this machine");
            return false;
        }
        if (packages.stream()
                .allMatch(spec -> Files.isDirectory(dir.resolve("node_modules").resolve(name(spec))))) {
            return true;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("package.json"), "{\"name\":\"realtime-node-test\",\"private\":true}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund"));
        command.addAll(packages);
        if (!runs(command, dir)) {
            System.out.println(test + " skipped: npm could not install " + String.join(" ", packages));
            return false;
        }
        return true;
    }

    /**
     * Runs {@code script} (one of this module's scripts) in {@code dir} with {@code args} and the extra environment
     * {@code env}; gives up after {@code timeout}.
     */
    public static Run run(Path dir, String script, Map<String, String> env, Duration timeout, String... args) {
        try (InputStream source = NodeScripts.class.getResourceAsStream("/node/" + script)) {
            if (source == null) {
                throw new IllegalArgumentException("no node script " + script);
            }
            Files.copy(source, dir.resolve(script), StandardCopyOption.REPLACE_EXISTING);
            List<String> command = new ArrayList<>(List.of("node", script));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.environment().putAll(env);
            Process node = builder.start();
            CompletableFuture<String> out = read(node.getInputStream());
            CompletableFuture<String> err = read(node.getErrorStream());
            boolean finished = node.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return new Run(finished, finished ? node.exitValue() : -1, out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while node ran " + script, e);
        }
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /** {@code openai@6} → {@code openai}, {@code @openai/agents-realtime@1} → {@code @openai/agents-realtime}. */
    private static String name(String spec) {
        int at = spec.lastIndexOf('@');
        return at > 0 ? spec.substring(0, at) : spec;
    }

    private static boolean runs(List<String> command, Path dir) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException missing) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A finished (or abandoned) run.
     *
     * @param finished whether node ended within the time given
     * @param exit its exit status (-1 when it did not finish)
     * @param out what it printed
     * @param err what it printed to standard error
     */
    public record Run(boolean finished, int exit, String out, String err) {

        /** The last line it printed: the scripts print their result as one JSON line last. */
        public String lastLine() {
            return out.strip().lines().reduce((first, second) -> second).orElse("{}");
        }
    }
}
