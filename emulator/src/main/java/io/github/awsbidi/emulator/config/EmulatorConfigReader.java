package io.github.awsbidi.emulator.config;

import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.auth.AwsCredential;
import io.github.awsbidi.emulator.novasonic.NovaSonicOptions;
import io.github.awsbidi.emulator.tls.TlsProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an {@link EmulatorConfig} from JSON (the format is in docs/emulator.md). Unknown keys fail with
 * their path, so a typo never silently changes nothing. Durations are ISO-8601 ({@code PT8M}) or a
 * number with a unit ({@code 500ms}, {@code 30s}, {@code 8m}).
 */
public final class EmulatorConfigReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SHORT_DURATION = Pattern.compile("^(\\d+)(ms|s|m|h)$");

    private EmulatorConfigReader() {}

    /** Reads a configuration file; relative cassette paths are resolved against the file's directory. */
    public static EmulatorConfig read(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            return parse(Files.readString(file), parent != null ? parent : Path.of(""));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read emulator configuration " + file, e);
        }
    }

    /** Parses configuration JSON; relative cassette paths are resolved against the working directory. */
    public static EmulatorConfig parse(String json) {
        return parse(json, Path.of(""));
    }

    /** Parses configuration JSON; relative cassette paths are resolved against {@code base}. */
    public static EmulatorConfig parse(String json, Path base) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "Emulator configuration is not valid JSON: " + e.getOriginalMessage(), e);
        }
        allowOnly(
                root,
                "$",
                Set.of(
                        "host",
                        "port",
                        "tls",
                        "credentials",
                        "sagemaker",
                        "bedrock",
                        "maxEventBytes",
                        "containerConnectTimeout",
                        "containerCloseTimeout",
                        "idleConnectionTimeout",
                        "maxConcurrentStreams",
                        "eventLoopThreads",
                        "tlsProvider",
                        "cassettes",
                        "polly"));
        EmulatorConfig.Builder builder = EmulatorConfig.builder();
        if (root.has("host")) {
            builder.host(root.get("host").asString());
        }
        if (root.has("port")) {
            builder.port(root.get("port").asInt());
        }
        if (root.has("tls")) {
            builder.tls(root.get("tls").asBoolean());
        }
        if (root.has("maxEventBytes")) {
            builder.maxEventBytes(root.get("maxEventBytes").asInt());
        }
        if (root.has("containerConnectTimeout")) {
            builder.containerConnectTimeout(duration(root.get("containerConnectTimeout"), "$.containerConnectTimeout"));
        }
        if (root.has("containerCloseTimeout")) {
            builder.containerCloseTimeout(duration(root.get("containerCloseTimeout"), "$.containerCloseTimeout"));
        }
        if (root.has("idleConnectionTimeout")) {
            builder.idleConnectionTimeout(duration(root.get("idleConnectionTimeout"), "$.idleConnectionTimeout"));
        }
        if (root.has("tlsProvider")) {
            builder.tlsProvider(TlsProvider.parse(root.get("tlsProvider").asString(), "$.tlsProvider"));
        }
        if (root.has("maxConcurrentStreams")) {
            JsonNode value = root.get("maxConcurrentStreams");
            if (!value.isInt()) {
                throw new IllegalArgumentException("$.maxConcurrentStreams must be a whole number from 1 to "
                        + Integer.MAX_VALUE + ", was " + value);
            }
            builder.maxConcurrentStreams(value.intValue());
        }
        if (root.has("eventLoopThreads")) {
            JsonNode value = root.get("eventLoopThreads");
            if (!value.isInt() || value.intValue() < 0) {
                throw new IllegalArgumentException("$.eventLoopThreads must be a whole number from 0 (one per"
                        + " processor) to " + Integer.MAX_VALUE + ", was " + value);
            }
            builder.eventLoopThreads(value.intValue());
        }
        if (root.has("credentials")) {
            List<AwsCredential> credentials = new ArrayList<>();
            for (JsonNode pair : root.get("credentials")) {
                allowOnly(pair, "$.credentials[]", Set.of("accessKeyId", "secretAccessKey"));
                credentials.add(new AwsCredential(
                        required(pair, "accessKeyId", "$.credentials[]"),
                        required(pair, "secretAccessKey", "$.credentials[]")));
            }
            builder.credentials(credentials);
        }
        JsonNode sagemaker = root.path("sagemaker");
        allowOnly(sagemaker, "$.sagemaker", Set.of("endpoints"));
        Cassettes cassettes = cassettes(root.path("cassettes"), base);
        for (Map.Entry<String, JsonNode> entry : sagemaker.path("endpoints").properties()) {
            String path = "$.sagemaker.endpoints." + entry.getKey();
            Path cassette = cassetteBehaviour(entry.getValue(), path, base);
            if (cassette != null) {
                cassettes = cassettes.withSageMakerEndpoint(entry.getKey(), cassette);
            } else {
                builder.sagemakerEndpoint(entry.getKey(), endpoint(entry.getValue(), path));
            }
        }
        JsonNode bedrock = root.path("bedrock");
        allowOnly(bedrock, "$.bedrock", Set.of("models"));
        for (Map.Entry<String, JsonNode> entry : bedrock.path("models").properties()) {
            String path = "$.bedrock.models." + entry.getKey();
            Path cassette = cassetteBehaviour(entry.getValue(), path, base);
            if (cassette != null) {
                cassettes = cassettes.withBedrockModel(entry.getKey(), cassette);
            } else {
                builder.bedrockModel(entry.getKey(), model(entry.getValue(), path));
            }
        }
        if (root.has("polly")) {
            builder.polly(polly(root.get("polly"), "$.polly"));
        }
        return builder.cassettes(cassettes).build();
    }

    /** Polly's pacing, limits and faults; its voices stay the built-in ones. */
    private static PollyOptions polly(JsonNode node, String path) {
        allowOnly(
                node,
                path,
                Set.of(
                        "timeScale",
                        "idleTimeout",
                        "streamLimit",
                        "synthesisDelay",
                        "speechPerCharacter",
                        "audioChunkDuration",
                        "faults"));
        PollyOptions defaults = PollyOptions.defaults();
        double timeScale = defaults.timeScale();
        if (node.has("timeScale")) {
            if (!node.get("timeScale").isNumber()) {
                throw new IllegalArgumentException(path + ".timeScale must be a number > 0");
            }
            timeScale = node.get("timeScale").asDouble();
        }
        try {
            return new PollyOptions(
                    timeScale,
                    node.has("idleTimeout")
                            ? duration(node.get("idleTimeout"), path + ".idleTimeout")
                            : defaults.idleTimeout(),
                    node.has("streamLimit")
                            ? duration(node.get("streamLimit"), path + ".streamLimit")
                            : defaults.streamLimit(),
                    node.has("synthesisDelay")
                            ? duration(node.get("synthesisDelay"), path + ".synthesisDelay")
                            : defaults.synthesisDelay(),
                    node.has("speechPerCharacter")
                            ? duration(node.get("speechPerCharacter"), path + ".speechPerCharacter")
                            : defaults.speechPerCharacter(),
                    node.has("audioChunkDuration")
                            ? duration(node.get("audioChunkDuration"), path + ".audioChunkDuration")
                            : defaults.audioChunkDuration(),
                    defaults.voices(),
                    faults(node.path("faults"), path + ".faults"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static Cassettes cassettes(JsonNode node, Path base) {
        allowOnly(node, "$.cassettes", Set.of("directories", "matching", "timeScale"));
        Cassettes cassettes = Cassettes.none();
        for (JsonNode directory : node.path("directories")) {
            cassettes = cassettes.withDirectory(base.resolve(directory.asString()));
        }
        if (node.has("matching")) {
            cassettes = cassettes.withMatching(
                    Cassettes.Matching.parse(node.get("matching").asString(), "$.cassettes.matching"));
        }
        if (node.has("timeScale")) {
            if (!node.get("timeScale").isNumber()) {
                throw new IllegalArgumentException("$.cassettes.timeScale must be a number >= 0");
            }
            cassettes = cassettes.withTimeScale(node.get("timeScale").asDouble());
        }
        return cassettes;
    }

    /** The cassette of an endpoint or model whose behaviour is {@code cassette}; {@code null} for any other. */
    private static @Nullable Path cassetteBehaviour(JsonNode node, String path, Path base) {
        if (!node.path("behaviour").asString("").equalsIgnoreCase("cassette")) {
            if (node.has("cassette")) {
                throw new IllegalArgumentException(path + ".cassette needs \"behaviour\": \"cassette\"");
            }
            return null;
        }
        allowOnly(node, path, Set.of("behaviour", "cassette"));
        return base.resolve(required(node, "cassette", path));
    }

    private static SageMakerEndpoint endpoint(JsonNode node, String path) {
        allowOnly(node, path, Set.of("status", "variants", "faults", "behaviour"));
        if (node.has("behaviour")) {
            throw new IllegalArgumentException(path + ".behaviour: an endpoint's behaviour is its variants' containers,"
                    + " or \"cassette\" with a \"cassette\" file or directory");
        }
        EndpointStatus status =
                node.has("status") ? EndpointStatus.parse(node.get("status").asString()) : EndpointStatus.IN_SERVICE;
        List<Variant> variants = new ArrayList<>();
        for (JsonNode variant : node.path("variants")) {
            allowOnly(variant, path + ".variants[]", Set.of("name", "container"));
            variants.add(new Variant(
                    required(variant, "name", path + ".variants[]"),
                    required(variant, "container", path + ".variants[]")));
        }
        if (variants.isEmpty()) {
            throw new IllegalArgumentException(
                    path + ".variants: at least one variant {\"name\", \"container\"} is required");
        }
        return new SageMakerEndpoint(status, variants, faults(node.path("faults"), path + ".faults"));
    }

    private static BedrockModel model(JsonNode node, String path) {
        allowOnly(node, path, Set.of("behaviour", "lifecycle", "novaSonic", "faults"));
        BedrockModel.ModelBehaviour behaviour = node.has("behaviour")
                ? BedrockModel.ModelBehaviour.valueOf(node.get("behaviour")
                        .asString()
                        .toUpperCase(java.util.Locale.ROOT)
                        .replace('-', '_'))
                : BedrockModel.ModelBehaviour.NOVA_SONIC;
        ModelLifecycle lifecycle = node.has("lifecycle")
                ? ModelLifecycle.parse(node.get("lifecycle").asString())
                : ModelLifecycle.ACTIVE;
        return new BedrockModel(
                behaviour,
                lifecycle,
                novaSonic(node.path("novaSonic"), path + ".novaSonic"),
                faults(node.path("faults"), path + ".faults"));
    }

    private static NovaSonicOptions novaSonic(JsonNode node, String path) {
        allowOnly(
                node,
                path,
                Set.of(
                        "timeScale",
                        "sessionLimit",
                        "silenceTimeout",
                        "audioIdleTimeout",
                        "toolTriggers",
                        "bargeIn",
                        "instabilityAfterEvents"));
        NovaSonicOptions.Builder options = NovaSonicOptions.builder();
        if (node.has("timeScale")) {
            options.timeScale(node.get("timeScale").asDouble());
        }
        if (node.has("sessionLimit")) {
            options.sessionLimit(duration(node.get("sessionLimit"), path + ".sessionLimit"));
        }
        if (node.has("silenceTimeout")) {
            options.silenceTimeout(duration(node.get("silenceTimeout"), path + ".silenceTimeout"));
        }
        if (node.has("audioIdleTimeout")) {
            options.audioIdleTimeout(duration(node.get("audioIdleTimeout"), path + ".audioIdleTimeout"));
        }
        if (node.has("toolTriggers")) {
            Map<String, String> triggers = new LinkedHashMap<>();
            node.get("toolTriggers")
                    .properties()
                    .forEach(e -> triggers.put(e.getKey(), e.getValue().asString()));
            options.toolTriggers(triggers);
        }
        if (node.has("bargeIn")) {
            options.bargeIn(node.get("bargeIn").asBoolean());
        }
        if (node.has("instabilityAfterEvents")) {
            options.instabilityAfterEvents(node.get("instabilityAfterEvents").asInt());
        }
        return options.build();
    }

    private static Faults faults(JsonNode node, String path) {
        allowOnly(
                node,
                path,
                Set.of(
                        "firstResponseDelay",
                        "inStreamError",
                        "resetAfterFrames",
                        "goAwayAfterFrames",
                        "closeConnectionAfterFrames",
                        "openError"));
        Faults faults = Faults.none();
        if (node.has("firstResponseDelay")) {
            faults = faults.withFirstResponseDelay(
                    duration(node.get("firstResponseDelay"), path + ".firstResponseDelay"));
        }
        if (node.has("inStreamError")) {
            JsonNode error = node.get("inStreamError");
            allowOnly(error, path + ".inStreamError", Set.of("type", "afterFrames", "message"));
            faults = faults.withInStreamError(
                    required(error, "type", path + ".inStreamError"),
                    error.path("afterFrames").asInt(0),
                    error.path("message").asString("Injected fault"));
        }
        if (node.has("resetAfterFrames")) {
            faults = faults.withResetAfterFrames(node.get("resetAfterFrames").asInt());
        }
        if (node.has("goAwayAfterFrames")) {
            faults = faults.withGoAwayAfterFrames(node.get("goAwayAfterFrames").asInt());
        }
        if (node.has("closeConnectionAfterFrames")) {
            faults = faults.withCloseConnectionAfterFrames(
                    node.get("closeConnectionAfterFrames").asInt());
        }
        if (node.has("openError")) {
            JsonNode error = node.get("openError");
            allowOnly(error, path + ".openError", Set.of("type", "count", "message"));
            faults = faults.withOpenError(
                    required(error, "type", path + ".openError"),
                    error.path("count").asInt(-1),
                    error.path("message").asString("Injected fault"));
        }
        return faults;
    }

    static Duration duration(JsonNode node, String path) {
        if (node.isNumber()) {
            return Duration.ofMillis(node.asLong());
        }
        String text = node.asString().trim();
        Matcher matcher = SHORT_DURATION.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    path + ": '" + text + "' is not a duration (use PT8M, 500ms, 30s, 8m)", e);
        }
    }

    private static String required(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(path + "." + field + " is required");
        }
        return value.asString();
    }

    private static void allowOnly(@Nullable JsonNode node, String path, Set<String> allowed) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(path + " must be a JSON object");
        }
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(path + "." + name + " is not a known setting; known: " + allowed);
            }
        }
    }
}
