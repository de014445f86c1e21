package io.github.awsbidi.emulator.cassette;

import io.github.awsbidi.emulator.config.Cassettes;
import io.github.awsbidi.emulator.stream.OpenDecision;
import io.github.awsbidi.emulator.stream.RequestHead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The cassettes an emulator serves, read when the configuration names them (a bad cassette fails then, naming the
 * file, line and member) and again whenever the cassette settings change. Thread-safe.
 */
public final class CassetteLibrary {

    /** The operations a cassette may serve. */
    public enum Service {
        /** A SageMaker endpoint. */
        SAGEMAKER("sagemaker", "SageMaker endpoint"),
        /** A Bedrock model. */
        BEDROCK("bedrock", "Bedrock model"),
        /** A Polly voice ({@code StartSpeechSynthesisStream}). */
        POLLY("polly", "Polly voice");

        private final String tag;
        private final String description;

        Service(String tag, String description) {
            this.tag = tag;
            this.description = description;
        }
    }

    private final Supplier<Cassettes> settings;
    private volatile @Nullable Loaded loaded;

    public CassetteLibrary(Supplier<Cassettes> settings) {
        this.settings = settings;
    }

    /** Reads the configured cassettes now, failing on the first bad one. */
    public void load() {
        current();
    }

    /**
     * Opens a stream replaying the next cassette of that endpoint, model or voice; empty when no cassette serves it.
     */
    public Optional<OpenDecision> replay(Service service, String resource, RequestHead head) {
        Loaded library = current();
        Served served = library.served.get(service.tag + "/" + resource);
        if (served == null) {
            return Optional.empty();
        }
        RecordedCassette cassette =
                served.cassettes.get(Math.floorMod(served.next.getAndIncrement(), served.cassettes.size()));
        return Optional.of(
                CassetteReplay.open(cassette, library.settings.matching(), library.settings.timeScale(), head));
    }

    private Loaded current() {
        Cassettes wanted = settings.get();
        Loaded library = loaded;
        if (library == null || !library.settings.equals(wanted)) {
            synchronized (this) {
                library = loaded;
                if (library == null || !library.settings.equals(wanted)) {
                    library = load(wanted);
                    loaded = library;
                }
            }
        }
        return library;
    }

    private static Loaded load(Cassettes settings) {
        Map<String, List<RecordedCassette>> byTarget = new HashMap<>();
        for (Path directory : settings.directories()) {
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("cassette directory " + directory + " does not exist");
            }
            for (RecordedCassette cassette : readAll(directory)) {
                byTarget.computeIfAbsent(cassette.service() + "/" + cassette.resource(), key -> new ArrayList<>())
                        .add(cassette);
            }
        }
        // Named endpoints and models replace whatever the directories recorded for the same name.
        named(settings.sagemakerEndpoints(), Service.SAGEMAKER, byTarget);
        named(settings.bedrockModels(), Service.BEDROCK, byTarget);
        Map<String, Served> served = new HashMap<>();
        byTarget.forEach((key, cassettes) -> served.put(key, new Served(List.copyOf(cassettes), new AtomicInteger())));
        return new Loaded(settings, served);
    }

    private static void named(Map<String, Path> named, Service service, Map<String, List<RecordedCassette>> byTarget) {
        named.forEach((name, path) -> {
            List<RecordedCassette> cassettes = Files.isDirectory(path) ? readAll(path) : List.of(read(path));
            if (cassettes.isEmpty()) {
                throw new IllegalArgumentException(
                        service.description + " '" + name + "': no *.jsonl cassette in " + path);
            }
            for (RecordedCassette cassette : cassettes) {
                if (!cassette.service().equals(service.tag)) {
                    throw new IllegalArgumentException(service.description + " '" + name + "': cassette "
                            + cassette.source() + " was recorded against " + cassette.service());
                }
            }
            byTarget.put(service.tag + "/" + name, new ArrayList<>(cassettes));
        });
    }

    private static List<RecordedCassette> readAll(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(file))
                    .sorted()
                    .map(CassetteLibrary::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list cassette directory " + directory, e);
        }
    }

    private static RecordedCassette read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("cassette " + file + " does not exist");
        }
        return CassetteReader.read(file);
    }

    private record Served(List<RecordedCassette> cassettes, AtomicInteger next) {}

    private record Loaded(Cassettes settings, Map<String, Served> served) {}
}
