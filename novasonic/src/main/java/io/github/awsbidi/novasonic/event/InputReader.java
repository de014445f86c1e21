package io.github.awsbidi.novasonic.event;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads input events strictly: the required members must be there, with the right types. */
final class InputReader {

    private InputReader() {}

    static InputEvent read(String name, JsonNode body) {
        switch (name) {
            case "sessionStart": {
                JsonNode inference = object(body, name, "inferenceConfiguration");
                JsonNode turn = body.get("turnDetectionConfiguration");
                return new InputEvent.SessionStart(
                        new InferenceConfiguration(
                                (int) integer(inference, name, "maxTokens"),
                                decimal(inference, name, "topP"),
                                decimal(inference, name, "temperature")),
                        turn == null
                                ? null
                                : new TurnDetectionConfiguration(enumValue(
                                        EndpointingSensitivity.class,
                                        string(turn, name, "endpointingSensitivity"),
                                        "endpointingSensitivity")));
            }
            case "promptStart": {
                JsonNode audio = object(body, name, "audioOutputConfiguration");
                JsonNode toolUse = body.get("toolUseOutputConfiguration");
                JsonNode tools = body.get("toolConfiguration");
                return new InputEvent.PromptStart(
                        string(body, name, "promptName"),
                        new MediaTypeConfiguration(
                                string(object(body, name, "textOutputConfiguration"), name, "mediaType")),
                        new AudioOutputConfiguration(
                                string(audio, name, "mediaType"),
                                (int) integer(audio, name, "sampleRateHertz"),
                                (int) integer(audio, name, "sampleSizeBits"),
                                (int) integer(audio, name, "channelCount"),
                                string(audio, name, "voiceId"),
                                string(audio, name, "encoding"),
                                string(audio, name, "audioType")),
                        toolUse == null ? null : new MediaTypeConfiguration(string(toolUse, name, "mediaType")),
                        tools == null ? null : toolConfiguration(tools, name));
            }
            case "contentStart":
                return new InputEvent.ContentStart(
                        string(body, name, "promptName"),
                        string(body, name, "contentName"),
                        enumValue(Role.class, string(body, name, "role"), "role"),
                        bool(body, name, "interactive"),
                        configuration(body, name));
            case "textInput":
                return new InputEvent.TextInput(
                        string(body, name, "promptName"),
                        string(body, name, "contentName"),
                        string(body, name, "content"));
            case "audioInput":
                return new InputEvent.AudioInput(
                        string(body, name, "promptName"),
                        string(body, name, "contentName"),
                        string(body, name, "content"));
            case "toolResult":
                return new InputEvent.ToolResult(
                        string(body, name, "promptName"),
                        string(body, name, "contentName"),
                        string(body, name, "content"));
            case "contentEnd":
                return new InputEvent.ContentEnd(string(body, name, "promptName"), string(body, name, "contentName"));
            case "promptEnd":
                return new InputEvent.PromptEnd(string(body, name, "promptName"));
            case "sessionEnd":
                return new InputEvent.SessionEnd();
            default:
                throw new NovaSonicProtocolException("Unknown Nova Sonic input event '" + name + "'");
        }
    }

    private static ToolConfiguration toolConfiguration(JsonNode tools, String event) {
        JsonNode choiceNode = tools.get("toolChoice");
        ToolChoice choice = null;
        if (choiceNode != null) {
            if (choiceNode.has("auto")) {
                choice = ToolChoice.auto();
            } else if (choiceNode.has("any")) {
                choice = ToolChoice.any();
            } else {
                choice = ToolChoice.tool(string(object(choiceNode, event, "tool"), event, "name"));
            }
        }
        List<ToolSpec> specs = new ArrayList<>();
        JsonNode array = tools.get("tools");
        if (array != null && array.isArray()) {
            for (JsonNode element : array.values()) {
                JsonNode spec = object(element, event, "toolSpec");
                specs.add(new ToolSpec(
                        string(spec, event, "name"),
                        string(spec, event, "description"),
                        string(object(spec, event, "inputSchema"), event, "json")));
            }
        }
        return new ToolConfiguration(choice, specs);
    }

    private static ContentConfiguration configuration(JsonNode body, String event) {
        ContentType type = enumValue(ContentType.class, string(body, event, "type"), "type");
        switch (type) {
            case TEXT:
                return new TextInputConfiguration(
                        string(object(body, event, "textInputConfiguration"), event, "mediaType"));
            case AUDIO: {
                JsonNode audio = object(body, event, "audioInputConfiguration");
                return new AudioInputConfiguration(
                        string(audio, event, "mediaType"),
                        (int) integer(audio, event, "sampleRateHertz"),
                        (int) integer(audio, event, "sampleSizeBits"),
                        (int) integer(audio, event, "channelCount"),
                        string(audio, event, "audioType"),
                        string(audio, event, "encoding"));
            }
            default: {
                JsonNode tool = object(body, event, "toolResultInputConfiguration");
                return new ToolResultInputConfiguration(
                        string(tool, event, "toolUseId"),
                        enumValue(ContentType.class, string(tool, event, "type"), "type"),
                        new TextInputConfiguration(
                                string(object(tool, event, "textInputConfiguration"), event, "mediaType")));
            }
        }
    }

    private static JsonNode member(JsonNode node, String event, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new NovaSonicProtocolException("Nova Sonic " + event + " event has no '" + name + "'");
        }
        return value;
    }

    private static JsonNode object(JsonNode node, String event, String name) {
        JsonNode value = member(node, event, name);
        if (!value.isObject()) {
            throw wrongType(event, name, "an object");
        }
        return value;
    }

    private static String string(JsonNode node, String event, String name) {
        JsonNode value = member(node, event, name);
        if (!value.isString()) {
            throw wrongType(event, name, "a string");
        }
        return value.stringValue();
    }

    private static long integer(JsonNode node, String event, String name) {
        JsonNode value = member(node, event, name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(event, name, "an int");
        }
        return value.longValue();
    }

    private static double decimal(JsonNode node, String event, String name) {
        JsonNode value = member(node, event, name);
        if (!value.isNumber()) {
            throw wrongType(event, name, "a number");
        }
        return value.doubleValue();
    }

    private static boolean bool(JsonNode node, String event, String name) {
        JsonNode value = member(node, event, name);
        if (!value.isBoolean()) {
            throw wrongType(event, name, "a boolean");
        }
        return value.booleanValue();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value) && !constant.name().equals("UNKNOWN")) {
                return constant;
            }
        }
        throw new NovaSonicProtocolException("Unknown " + name + " '" + value + "'");
    }

    private static NovaSonicProtocolException wrongType(String event, String name, String expected) {
        return new NovaSonicProtocolException("Nova Sonic " + event + " member '" + name + "' is not " + expected);
    }
}
