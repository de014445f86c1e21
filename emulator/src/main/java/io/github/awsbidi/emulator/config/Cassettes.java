package io.github.awsbidi.emulator.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Recorded exchanges (cassettes) the emulator serves instead of a built-in behaviour.
 * <p>
 * Every {@code *.jsonl} cassette found in {@link #directories()} (not recursively) serves the endpoint, model or
 * Polly voice it was recorded against; {@link #sagemakerEndpoints()} and {@link #bedrockModels()} name a cassette
 * file, or a directory of them, per endpoint or model whatever the cassettes' recorded target. When several
 * cassettes serve one endpoint, model or voice, successive streams get them in file-name order, starting over after
 * the last.
 *
 * @param directories directories of cassettes served under their recorded targets
 * @param sagemakerEndpoints cassette file or directory by SageMaker endpoint name
 * @param bedrockModels cassette file or directory by Bedrock model id
 * @param matching how a client's request frames are compared with the recorded ones
 * @param timeScale factor on recorded delays: 1 replays at recorded pace, 0 as fast as possible
 */
public record Cassettes(
        List<Path> directories,
        Map<String, Path> sagemakerEndpoints,
        Map<String, Path> bedrockModels,
        Matching matching,
        double timeScale) {

    private static final Cassettes NONE = new Cassettes(List.of(), Map.of(), Map.of(), Matching.SHAPE, 1.0);

    public Cassettes {
        directories = List.copyOf(directories);
        sagemakerEndpoints = Map.copyOf(sagemakerEndpoints);
        bedrockModels = Map.copyOf(bedrockModels);
        Objects.requireNonNull(matching, "matching");
        if (!(timeScale >= 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("cassettes.timeScale must be a finite number >= 0, was " + timeScale);
        }
    }

    /** No cassettes. */
    public static Cassettes none() {
        return NONE;
    }

    /** Whether nothing is served from cassettes. */
    public boolean isEmpty() {
        return directories.isEmpty() && sagemakerEndpoints.isEmpty() && bedrockModels.isEmpty();
    }

    /** These settings with one more directory of cassettes. */
    public Cassettes withDirectory(Path directory) {
        List<Path> more = new java.util.ArrayList<>(directories);
        more.add(directory);
        return new Cassettes(more, sagemakerEndpoints, bedrockModels, matching, timeScale);
    }

    /** These settings with {@code endpointName} served by a cassette file or directory. */
    public Cassettes withSageMakerEndpoint(String endpointName, Path cassette) {
        Map<String, Path> more = new java.util.LinkedHashMap<>(sagemakerEndpoints);
        more.put(endpointName, cassette);
        return new Cassettes(directories, more, bedrockModels, matching, timeScale);
    }

    /** These settings with {@code modelId} served by a cassette file or directory. */
    public Cassettes withBedrockModel(String modelId, Path cassette) {
        Map<String, Path> more = new java.util.LinkedHashMap<>(bedrockModels);
        more.put(modelId, cassette);
        return new Cassettes(directories, sagemakerEndpoints, more, matching, timeScale);
    }

    public Cassettes withMatching(Matching newMatching) {
        return new Cassettes(directories, sagemakerEndpoints, bedrockModels, newMatching, timeScale);
    }

    public Cassettes withTimeScale(double newTimeScale) {
        return new Cassettes(directories, sagemakerEndpoints, bedrockModels, matching, newTimeScale);
    }

    /** How a client's request frames must match the recorded ones. */
    public enum Matching {
        /** Same data type, completion state and bytes. */
        EXACT,
        /** Same data type, completion state and size: for requests carrying ids or timestamps. */
        SHAPE,
        /** Not compared: the recorded responses play on their timing alone. */
        IGNORE;

        /** Reads {@code exact}, {@code shape} or {@code ignore} (any case). */
        public static Matching parse(@Nullable String text, String where) {
            if (text != null) {
                for (Matching value : values()) {
                    if (value.name().equals(text.toUpperCase(Locale.ROOT))) {
                        return value;
                    }
                }
            }
            throw new IllegalArgumentException(where + " must be exact, shape or ignore, was '" + text + "'");
        }
    }
}
