package io.github.awsbidi.novasonic.event;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts Nova Sonic events to and from the JSON carried in each Bedrock {@code chunk}:
 * {@code {"event":{"<name>":{…}}}}. Thread-safe; one instance may be shared.
 */
public final class NovaSonicCodec {

    /** Members of the envelope beside {@code event} land in {@link OutputEvent#extra()} under this prefix. */
    public static final String ENVELOPE_PREFIX = "$envelope.";

    // A double-encoded toolUse content is a JSON string holding JSON; more layers than this are not arguments.
    private static final int MAX_ENCODING_LAYERS = 3;

    /** The JSON text of an input event. */
    public String encode(InputEvent event) {
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        ObjectNode body = envelope.putObject("event").putObject(event.eventName());
        InputWriter.write(event, body);
        return Json.MAPPER.writeValueAsString(envelope);
    }

    /** The UTF-8 bytes of an input event's JSON, as a Bedrock chunk carries them. */
    public byte[] encodeToBytes(InputEvent event) {
        return encode(event).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads an output event from UTF-8 JSON bytes. */
    public OutputEvent decode(byte[] utf8Json) {
        return decode(new String(utf8Json, StandardCharsets.UTF_8));
    }

    /**
     * Reads an output event. Unknown events become {@link OutputEvent.Unknown}; unknown members are kept
     * in {@link OutputEvent#extra()}.
     *
     * @throws NovaSonicProtocolException if the text is not JSON, or a {@code toolUse} lacks its name or id
     */
    public OutputEvent decode(String json) {
        JsonNode root = parse(json);
        JsonNode events = root.get("event");
        if (!root.isObject() || events == null || !events.isObject() || events.size() != 1) {
            return new OutputEvent.Unknown(firstName(events), json);
        }
        Map.Entry<String, JsonNode> only = events.properties().iterator().next();
        String name = only.getKey();
        if (!only.getValue().isObject()) {
            return new OutputEvent.Unknown(name, json);
        }
        JsonFields body = JsonFields.of(only.getValue());
        OutputEvent event = readOutput(name, body, envelopeExtra(root));
        return event == null ? new OutputEvent.Unknown(name, json) : event;
    }

    /**
     * Reads an input event (what a client sends), for peers, tools and tests.
     *
     * @throws NovaSonicProtocolException if the text is not a known input event with its required members
     */
    public InputEvent decodeInput(String json) {
        JsonNode root = parse(json);
        JsonNode events = root.get("event");
        if (!root.isObject() || events == null || !events.isObject() || events.size() != 1) {
            throw new NovaSonicProtocolException(
                    "Not a Nova Sonic event envelope {\"event\":{\"<name>\":{…}}}: " + json);
        }
        Map.Entry<String, JsonNode> only = events.properties().iterator().next();
        return InputReader.read(only.getKey(), only.getValue());
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new NovaSonicProtocolException("Malformed Nova Sonic event JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String firstName(@Nullable JsonNode events) {
        if (events != null && events.isObject() && !events.isEmpty()) {
            return events.propertyNames().iterator().next();
        }
        return "";
    }

    private static Map<String, @Nullable Object> envelopeExtra(JsonNode root) {
        Map<String, @Nullable Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            if (!member.getKey().equals("event")) {
                extra.put(ENVELOPE_PREFIX + member.getKey(), Json.toJava(member.getValue()));
            }
        }
        return extra;
    }

    // ---- output ----

    private static @Nullable OutputEvent readOutput(String name, JsonFields f, Map<String, @Nullable Object> extra) {
        String sessionId = f.string("sessionId");
        String promptName = f.string("promptName");
        String completionId = f.string("completionId");
        switch (name) {
            case "completionStart":
                return new OutputEvent.CompletionStart(sessionId, promptName, completionId, withRest(f, extra));
            case "contentStart": {
                String contentId = f.string("contentId");
                ContentType type =
                        orUnknown(f.enumValue("type", ContentType.class, ContentType.UNKNOWN), ContentType.UNKNOWN);
                Role role = orUnknown(f.enumValue("role", Role.class, Role.UNKNOWN), Role.UNKNOWN);
                JsonNode fields = f.raw("additionalModelFields");
                AdditionalModelFields additional = AdditionalModelFields.read(fields);
                return new OutputEvent.ContentStart(
                        sessionId,
                        promptName,
                        completionId,
                        contentId,
                        type,
                        role,
                        additional.stage(),
                        additional.raw(),
                        withRest(f, extra));
            }
            case "textOutput": {
                String contentId = f.string("contentId");
                String content = f.string("content", "");
                Role role = f.enumValue("role", Role.class, Role.UNKNOWN);
                return new OutputEvent.TextOutput(
                        sessionId, promptName, completionId, contentId, content, role, withRest(f, extra));
            }
            case "audioOutput": {
                String contentId = f.string("contentId");
                String content = f.string("content", "");
                return new OutputEvent.AudioOutput(
                        sessionId, promptName, completionId, contentId, content, withRest(f, extra));
            }
            case "toolUse": {
                String contentId = f.string("contentId");
                String toolName = required(f.string("toolName"), "toolUse", "toolName");
                String toolUseId = required(f.string("toolUseId"), "toolUse", "toolUseId");
                JsonNode contentNode = f.raw("content");
                String content = contentNode == null || contentNode.isNull()
                        ? ""
                        : contentNode.isString()
                                ? contentNode.stringValue()
                                : Json.MAPPER.writeValueAsString(contentNode);
                return new OutputEvent.ToolUse(
                        sessionId,
                        promptName,
                        completionId,
                        contentId,
                        toolName,
                        toolUseId,
                        content,
                        arguments(contentNode),
                        withRest(f, extra));
            }
            case "contentEnd": {
                String contentId = f.string("contentId");
                ContentType type = f.enumValue("type", ContentType.class, ContentType.UNKNOWN);
                StopReason stopReason = f.enumValue("stopReason", StopReason.class, StopReason.UNKNOWN);
                return new OutputEvent.ContentEnd(
                        sessionId, promptName, completionId, contentId, type, stopReason, withRest(f, extra));
            }
            case "completionEnd": {
                StopReason stopReason = f.enumValue("stopReason", StopReason.class, StopReason.UNKNOWN);
                return new OutputEvent.CompletionEnd(
                        sessionId, promptName, completionId, stopReason, withRest(f, extra));
            }
            case "usageEvent": {
                JsonFields details = f.object("details");
                TokenUsage delta = tokenUsage(details == null ? null : details.object("delta"));
                TokenUsage total = tokenUsage(details == null ? null : details.object("total"));
                long totalInput = f.number("totalInputTokens", 0);
                long totalOutput = f.number("totalOutputTokens", 0);
                long totalTokens = f.number("totalTokens", 0);
                return new OutputEvent.UsageEvent(
                        sessionId,
                        promptName,
                        completionId,
                        delta,
                        total,
                        totalInput,
                        totalOutput,
                        totalTokens,
                        withRest(f, extra));
            }
            case "userSpeechStart":
            case "userSpeechEnd": {
                // Seen in live traffic, not in AWS's docs: every member is optional.
                long offset = f.number("inputAudioOffsetMs", -1);
                Long offsetMs = offset < 0 ? null : offset;
                Map<String, @Nullable Object> rest = withRest(f, extra);
                return name.equals("userSpeechStart")
                        ? new OutputEvent.UserSpeechStart(sessionId, promptName, offsetMs, rest)
                        : new OutputEvent.UserSpeechEnd(sessionId, promptName, offsetMs, rest);
            }
            default:
                return null;
        }
    }

    private static <E> E orUnknown(@Nullable E value, E unknown) {
        return value == null ? unknown : value;
    }

    private static String required(@Nullable String value, String event, String member) {
        if (value == null) {
            throw new NovaSonicProtocolException("Nova Sonic " + event + " event has no string '" + member + "'");
        }
        return value;
    }

    private static Map<String, @Nullable Object> withRest(JsonFields f, Map<String, @Nullable Object> extra) {
        Map<String, @Nullable Object> all = new LinkedHashMap<>(f.extra());
        all.putAll(extra);
        return all;
    }

    private static TokenUsage tokenUsage(@Nullable JsonFields usage) {
        if (usage == null) {
            return TokenUsage.ZERO;
        }
        return new TokenUsage(tokenCounts(usage.object("input")), tokenCounts(usage.object("output")));
    }

    private static TokenCounts tokenCounts(@Nullable JsonFields counts) {
        if (counts == null) {
            return TokenCounts.ZERO;
        }
        return new TokenCounts(counts.number("speechTokens", 0), counts.number("textTokens", 0));
    }

    /** Tool arguments from {@code toolUse.content}, unwrapping a JSON string that holds JSON (double encoding). */
    private static Map<String, @Nullable Object> arguments(@Nullable JsonNode content) {
        JsonNode node = content;
        for (int layer = 0; node != null && node.isString() && layer < MAX_ENCODING_LAYERS; layer++) {
            String text = node.stringValue().strip();
            if (text.isEmpty()) {
                return Map.of();
            }
            try {
                node = Json.MAPPER.readTree(text);
            } catch (JacksonException notJson) {
                // A string that is not JSON is an argument value in its own right only after decoding once.
                return layer == 0 ? Map.of() : Map.of("value", text);
            }
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Map.of();
        }
        @Nullable Object value = Json.toJava(node);
        if (value instanceof Map<?, ?>) { // a JSON object
            @SuppressWarnings("unchecked")
            Map<String, @Nullable Object> map = (Map<String, @Nullable Object>) value;
            return map;
        }
        Map<String, @Nullable Object> wrapped = new LinkedHashMap<>();
        wrapped.put("value", value);
        return wrapped;
    }

    /** The parsed {@code additionalModelFields} of an output contentStart: a JSON string, or tolerated as an object. */
    private record AdditionalModelFields(
            @Nullable GenerationStage stage, @Nullable String raw) {

        static AdditionalModelFields read(@Nullable JsonNode node) {
            if (node == null || node.isNull()) {
                return new AdditionalModelFields(null, null);
            }
            String raw = node.isString() ? node.stringValue() : Json.MAPPER.writeValueAsString(node);
            JsonNode parsed = node;
            if (node.isString()) {
                try {
                    parsed = Json.MAPPER.readTree(raw);
                } catch (JacksonException notJson) {
                    return new AdditionalModelFields(null, raw);
                }
            }
            JsonNode stage = parsed.get("generationStage");
            if (stage == null || !stage.isString()) {
                return new AdditionalModelFields(null, raw);
            }
            for (GenerationStage candidate : GenerationStage.values()) {
                if (candidate != GenerationStage.UNKNOWN && candidate.name().equals(stage.stringValue())) {
                    return new AdditionalModelFields(candidate, raw);
                }
            }
            return new AdditionalModelFields(GenerationStage.UNKNOWN, raw);
        }
    }
}
