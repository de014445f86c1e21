package io.github.awsbidi.realtime.protocol;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads one client event from its JSON text, checking every field the façade uses. A refused event throws
 * {@link RealtimeProtocolException} naming the field ({@code param}) and what is allowed.
 */
public final class ClientEvents {

    private static final Map<String, String> AUDIO_TYPES =
            Map.of("audio/pcm", "audio/pcm", "audio/pcmu", "audio/pcmu", "audio/pcma", "audio/pcma");

    private ClientEvents() {}

    /**
     * The event in {@code json}.
     *
     * @throws RealtimeProtocolException for text that is not a JSON object, an unknown {@code type} or a bad field
     */
    public static ClientEvent read(String json) {
        JsonNode root;
        try {
            root = RealtimeJson.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new RealtimeProtocolException(
                    "invalid_json", null, null, "the message is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new RealtimeProtocolException("invalid_json", null, null, "a client event must be a JSON object");
        }
        String eventId =
                root.path("event_id").isString() ? root.path("event_id").asString() : null;
        Fields fields = new Fields(eventId);
        String type = fields.requiredString(root, "type");
        return switch (type) {
            case "session.update" ->
                new ClientEvent.SessionUpdate(eventId, session(fields, fields.object(root, "session")));
            case "input_audio_buffer.append" -> new ClientEvent.InputAudioBufferAppend(eventId, audio(fields, root));
            case "input_audio_buffer.commit" -> new ClientEvent.InputAudioBufferCommit(eventId);
            case "input_audio_buffer.clear" -> new ClientEvent.InputAudioBufferClear(eventId);
            case "output_audio_buffer.clear" -> new ClientEvent.OutputAudioBufferClear(eventId);
            case "conversation.item.create" -> itemCreate(fields, root);
            case "conversation.item.retrieve" ->
                new ClientEvent.ConversationItemRetrieve(eventId, fields.requiredString(root, "item_id"));
            case "conversation.item.truncate" ->
                new ClientEvent.ConversationItemTruncate(
                        eventId,
                        fields.requiredString(root, "item_id"),
                        (int) fields.requiredLong(root, "content_index", 0, 0),
                        fields.requiredLong(root, "audio_end_ms", 0, Long.MAX_VALUE));
            case "conversation.item.delete" ->
                new ClientEvent.ConversationItemDelete(eventId, fields.requiredString(root, "item_id"));
            case "response.create" -> responseCreate(fields, root);
            case "response.cancel" ->
                new ClientEvent.ResponseCancel(eventId, fields.optionalString(root, "response_id", "response_id"));
            default ->
                throw new RealtimeProtocolException(
                        "unknown_event_type",
                        "type",
                        eventId,
                        "unknown client event type '" + type + "'; the GA protocol's client events are session.update,"
                                + " input_audio_buffer.append|commit|clear, output_audio_buffer.clear,"
                                + " conversation.item.create|retrieve|truncate|delete, response.create|cancel");
        };
    }

    /**
     * A session configuration as {@code session.update} carries it (the {@code session} object), e.g. the one a
     * {@code client_secrets} request asks for.
     *
     * @throws RealtimeProtocolException naming the bad field ({@code session.…})
     */
    public static SessionPatch sessionConfiguration(JsonNode session) {
        Fields fields = new Fields(null);
        if (!session.isObject()) {
            throw fields.invalid("session", "must be an object");
        }
        return session(fields, session);
    }

    private static byte[] audio(Fields fields, JsonNode root) {
        String base64 = fields.requiredString(root, "audio");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw fields.invalid("audio", "must be base64-encoded audio: " + e.getMessage());
        }
    }

    private static ClientEvent responseCreate(Fields fields, JsonNode root) {
        JsonNode response = root.path("response");
        if (response.isMissingNode() || response.isNull()) {
            return new ClientEvent.ResponseCreate(fields.eventId, null);
        }
        if (!response.isObject()) {
            throw fields.invalid("response", "must be an object");
        }
        return new ClientEvent.ResponseCreate(
                fields.eventId, fields.optionalString(response, "instructions", "response.instructions"));
    }

    private static ClientEvent itemCreate(Fields fields, JsonNode root) {
        JsonNode item = fields.object(root, "item");
        String previous = fields.optionalString(root, "previous_item_id", "previous_item_id");
        String id = fields.optionalString(item, "id", "item.id");
        String type = fields.requiredString(item, "type", "item.type");
        switch (type) {
            case "message" -> {
                String role = fields.requiredString(item, "role", "item.role");
                if (!role.equals("user") && !role.equals("system")) {
                    throw fields.invalid(
                            "item.role",
                            "must be 'user' or 'system' (assistant messages cannot be added to a Nova Sonic"
                                    + " conversation), got '" + role + "'");
                }
                JsonNode content = item.path("content");
                if (!content.isArray() || content.isEmpty()) {
                    throw fields.invalid("item.content", "must be a non-empty array of content parts");
                }
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < content.size(); i++) {
                    JsonNode part = content.get(i);
                    String path = "item.content[" + i + "]";
                    String partType = fields.requiredString(part, "type", path + ".type");
                    if (!partType.equals("input_text") && !partType.equals("text")) {
                        throw fields.invalid(
                                path + ".type",
                                "must be 'input_text' (the façade adds text messages; audio goes through"
                                        + " input_audio_buffer.append), got '" + partType + "'");
                    }
                    if (text.length() > 0) {
                        text.append('\n');
                    }
                    text.append(fields.requiredString(part, "text", path + ".text"));
                }
                if (text.toString().isBlank()) {
                    throw fields.invalid("item.content", "must hold some text");
                }
                return new ClientEvent.ConversationItemCreate(
                        fields.eventId, previous, id, type, role, text.toString(), null, null);
            }
            case "function_call_output" -> {
                return new ClientEvent.ConversationItemCreate(
                        fields.eventId,
                        previous,
                        id,
                        type,
                        null,
                        null,
                        fields.requiredString(item, "call_id", "item.call_id"),
                        fields.requiredString(item, "output", "item.output"));
            }
            default ->
                throw fields.invalid("item.type", "must be 'message' or 'function_call_output', got '" + type + "'");
        }
    }

    private static SessionPatch session(Fields fields, JsonNode session) {
        String instructions = fields.optionalString(session, "instructions", "session.instructions");
        JsonNode audio = session.path("audio");
        if (!audio.isMissingNode() && !audio.isObject()) {
            throw fields.invalid("session.audio", "must be an object");
        }
        JsonNode input = audio.path("input");
        JsonNode output = audio.path("output");
        AudioFormat inputFormat = format(fields, input.path("format"), "session.audio.input.format");
        AudioFormat outputFormat = format(fields, output.path("format"), "session.audio.output.format");
        String voice = fields.optionalString(output, "voice", "session.audio.output.voice");
        boolean turnDetectionSet = input.has("turn_detection");
        TurnDetection turnDetection = turnDetectionSet ? turnDetection(fields, input.path("turn_detection")) : null;
        List<FunctionTool> tools = tools(fields, session.path("tools"));
        String toolChoice = toolChoice(fields, session.path("tool_choice"));
        Boolean textOnly = null;
        JsonNode modalities = session.path("output_modalities");
        if (!modalities.isMissingNode() && !modalities.isNull()) {
            if (!modalities.isArray()
                    || modalities.size() != 1
                    || !(modalities.get(0).asString("").equals("audio")
                            || modalities.get(0).asString("").equals("text"))) {
                throw fields.invalid("session.output_modalities", "must be [\"audio\"] or [\"text\"]");
            }
            textOnly = modalities.get(0).asString().equals("text");
        }
        Integer maxOutputTokens = null;
        JsonNode max = session.path("max_output_tokens");
        if (max.isNumber()) {
            if (!max.canConvertToInt() || max.asInt() < 1 || max.asInt() > 4096) {
                throw fields.invalid("session.max_output_tokens", "must be between 1 and 4096 or 'inf'");
            }
            maxOutputTokens = max.asInt();
        } else if (!max.isMissingNode() && !max.isNull() && !"inf".equals(max.asString(""))) {
            throw fields.invalid("session.max_output_tokens", "must be between 1 and 4096 or 'inf'");
        }
        return new SessionPatch(
                instructions,
                voice,
                inputFormat,
                outputFormat,
                turnDetectionSet,
                turnDetection,
                tools,
                toolChoice,
                textOnly,
                maxOutputTokens);
    }

    private static @Nullable AudioFormat format(Fields fields, JsonNode format, String path) {
        if (format.isMissingNode() || format.isNull()) {
            return null;
        }
        if (!format.isObject()) {
            throw fields.invalid(path, "must be an object such as {\"type\":\"audio/pcm\",\"rate\":24000}");
        }
        String type = fields.requiredString(format, "type", path + ".type");
        if (!AUDIO_TYPES.containsKey(type)) {
            throw fields.invalid(
                    path + ".type", "must be 'audio/pcm', 'audio/pcmu' or 'audio/pcma', got '" + type + "'");
        }
        JsonNode rate = format.path("rate");
        if (type.equals("audio/pcm")) {
            if (!rate.isMissingNode() && !rate.isNull() && (!rate.isIntegralNumber() || rate.asInt() != 24_000)) {
                throw fields.invalid(path + ".rate", "must be 24000 for audio/pcm, got " + rate);
            }
            return AudioFormat.PCM;
        }
        return type.equals("audio/pcmu") ? AudioFormat.PCMU : AudioFormat.PCMA;
    }

    private static @Nullable TurnDetection turnDetection(Fields fields, JsonNode node) {
        String path = "session.audio.input.turn_detection";
        if (node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw fields.invalid(path, "must be an object or null");
        }
        String type = fields.requiredString(node, "type", path + ".type");
        boolean create = fields.optionalBoolean(node, "create_response", path + ".create_response", true);
        boolean interrupt = fields.optionalBoolean(node, "interrupt_response", path + ".interrupt_response", true);
        return switch (type) {
            case "server_vad" -> {
                JsonNode silence = node.path("silence_duration_ms");
                Integer silenceMs = null;
                if (!silence.isMissingNode() && !silence.isNull()) {
                    if (!silence.isIntegralNumber() || silence.asLong() < 0 || silence.asLong() > 10_000) {
                        throw fields.invalid(path + ".silence_duration_ms", "must be between 0 and 10000 ms");
                    }
                    silenceMs = silence.asInt();
                }
                yield new TurnDetection(type, silenceMs, null, create, interrupt);
            }
            case "semantic_vad" -> {
                String eagerness = fields.optionalString(node, "eagerness", path + ".eagerness");
                if (eagerness != null
                        && !List.of("low", "medium", "high", "auto").contains(eagerness)) {
                    throw fields.invalid(path + ".eagerness", "must be low, medium, high or auto");
                }
                yield new TurnDetection(type, null, eagerness, create, interrupt);
            }
            default ->
                throw fields.invalid(
                        path + ".type",
                        "must be 'server_vad' or 'semantic_vad' (or turn_detection null), got '" + type + "'");
        };
    }

    private static @Nullable List<FunctionTool> tools(Fields fields, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw fields.invalid("session.tools", "must be an array");
        }
        List<FunctionTool> tools = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode tool = node.get(i);
            String path = "session.tools[" + i + "]";
            if (!tool.isObject()) {
                throw fields.invalid(path, "must be an object");
            }
            String type = fields.requiredString(tool, "type", path + ".type");
            if (!type.equals("function")) {
                throw fields.invalid(
                        path + ".type", "must be 'function' (MCP tools are not supported), got '" + type + "'");
            }
            String name = fields.requiredString(tool, "name", path + ".name");
            if (!name.matches("^[a-zA-Z0-9_-]{1,64}$")) {
                throw fields.invalid(path + ".name", "must match ^[a-zA-Z0-9_-]{1,64}$, got '" + name + "'");
            }
            String description = fields.optionalString(tool, "description", path + ".description");
            JsonNode parameters = tool.path("parameters");
            if (parameters.isMissingNode() || parameters.isNull()) {
                parameters = RealtimeJson.MAPPER.readTree("{\"type\":\"object\",\"properties\":{}}");
            } else if (!parameters.isObject()) {
                throw fields.invalid(path + ".parameters", "must be a JSON schema object");
            }
            tools.add(new FunctionTool(type, name, description == null ? name : description, parameters));
        }
        return tools;
    }

    private static @Nullable String toolChoice(Fields fields, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            String choice = node.asString().toLowerCase(Locale.ROOT);
            if (!List.of("auto", "none", "required").contains(choice)) {
                throw fields.invalid("session.tool_choice", "must be auto, none, required or a function");
            }
            return choice;
        }
        if (node.isObject() && "function".equals(node.path("type").asString(""))) {
            return "function:" + fields.requiredString(node, "name", "session.tool_choice.name");
        }
        throw fields.invalid(
                "session.tool_choice", "must be auto, none, required or {\"type\":\"function\",\"name\":…}");
    }

    /** Field checks that name the field in their error. */
    private record Fields(@Nullable String eventId) {

        RealtimeProtocolException invalid(String param, String problem) {
            return new RealtimeProtocolException("invalid_value", param, eventId, "'" + param + "' " + problem);
        }

        String requiredString(JsonNode node, String field) {
            return requiredString(node, field, field);
        }

        String requiredString(JsonNode node, String field, String path) {
            JsonNode value = node.path(field);
            if (value.isMissingNode() || value.isNull()) {
                throw new RealtimeProtocolException(
                        "missing_required_parameter", path, eventId, "missing required parameter '" + path + "'");
            }
            if (!value.isString()) {
                throw invalid(path, "must be a string");
            }
            return value.asString();
        }

        @Nullable
        String optionalString(JsonNode node, String field, String path) {
            JsonNode value = node.path(field);
            if (value.isMissingNode() || value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                throw invalid(path, "must be a string");
            }
            return value.asString();
        }

        boolean optionalBoolean(JsonNode node, String field, String path, boolean fallback) {
            JsonNode value = node.path(field);
            if (value.isMissingNode() || value.isNull()) {
                return fallback;
            }
            if (!value.isBoolean()) {
                throw invalid(path, "must be true or false");
            }
            return value.asBoolean();
        }

        long requiredLong(JsonNode node, String field, long min, long max) {
            JsonNode value = node.path(field);
            if (value.isMissingNode() || value.isNull()) {
                throw new RealtimeProtocolException(
                        "missing_required_parameter", field, eventId, "missing required parameter '" + field + "'");
            }
            if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
                throw invalid(field, "must be an integer between " + min + " and " + max);
            }
            return value.asLong();
        }

        JsonNode object(JsonNode node, String field) {
            JsonNode value = node.path(field);
            if (value.isMissingNode() || value.isNull()) {
                throw new RealtimeProtocolException(
                        "missing_required_parameter", field, eventId, "missing required parameter '" + field + "'");
            }
            if (!value.isObject()) {
                throw invalid(field, "must be an object");
            }
            return value;
        }
    }
}
