package io.github.awsbidi.emulator.novasonic;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Input events shaped as the AWS samples send them. */
final class NovaSonicInputs {

    static final String PROMPT = "prompt-1";

    static final String WEATHER_SCHEMA = "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},"
            + "\"required\":[\"location\"]}";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NovaSonicInputs() {}

    static String event(String name, ObjectNode body) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("event").set(name, body);
        return JSON.writeValueAsString(root);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ObjectNode sessionStartBody() {
        ObjectNode body = object();
        body.putObject("inferenceConfiguration")
                .put("maxTokens", 1024)
                .put("topP", 0.9)
                .put("temperature", 0.7);
        body.putObject("turnDetectionConfiguration").put("endpointingSensitivity", "MEDIUM");
        return body;
    }

    static String sessionStart() {
        return event("sessionStart", sessionStartBody());
    }

    static ObjectNode promptStartBody(String... toolNames) {
        ObjectNode body = object();
        body.put("promptName", PROMPT);
        body.putObject("textOutputConfiguration").put("mediaType", "text/plain");
        body.putObject("audioOutputConfiguration")
                .put("mediaType", "audio/lpcm")
                .put("sampleRateHertz", 24000)
                .put("sampleSizeBits", 16)
                .put("channelCount", 1)
                .put("voiceId", "matthew")
                .put("encoding", "base64")
                .put("audioType", "SPEECH");
        body.putObject("toolUseOutputConfiguration").put("mediaType", "application/json");
        if (toolNames.length > 0) {
            ObjectNode config = body.putObject("toolConfiguration");
            config.putObject("toolChoice").putObject("auto");
            var tools = config.putArray("tools");
            for (String name : toolNames) {
                ObjectNode spec = tools.addObject().putObject("toolSpec");
                spec.put("name", name);
                spec.put("description", "A test tool");
                spec.putObject("inputSchema").put("json", WEATHER_SCHEMA);
            }
        }
        return body;
    }

    static String promptStart(String... toolNames) {
        return event("promptStart", promptStartBody(toolNames));
    }

    static ObjectNode textStartBody(String contentName, String role, boolean interactive) {
        ObjectNode body = object();
        body.put("promptName", PROMPT);
        body.put("contentName", contentName);
        body.put("type", "TEXT");
        body.put("interactive", interactive);
        body.put("role", role);
        body.putObject("textInputConfiguration").put("mediaType", "text/plain");
        return body;
    }

    static String textStart(String contentName, String role, boolean interactive) {
        return event("contentStart", textStartBody(contentName, role, interactive));
    }

    static String textInput(String contentName, String content) {
        ObjectNode body = object();
        body.put("promptName", PROMPT);
        body.put("contentName", contentName);
        body.put("content", content);
        return event("textInput", body);
    }

    static String contentEnd(String contentName) {
        ObjectNode body = object();
        body.put("promptName", PROMPT);
        body.put("contentName", contentName);
        return event("contentEnd", body);
    }

    /** A whole text block: contentStart, one textInput per part, contentEnd. */
    static List<String> text(String contentName, String role, boolean interactive, String... parts) {
        List<String> events = new ArrayList<>();
        events.add(textStart(contentName, role, interactive));
        for (String part : parts) {
            events.add(textInput(contentName, part));
        }
        events.add(contentEnd(contentName));
        return events;
    }

    /** sessionStart, promptStart and the system prompt. */
    static List<String> opening(String... toolNames) {
        List<String> events = new ArrayList<>();
        events.add(sessionStart());
        events.add(promptStart(toolNames));
        events.addAll(text("system", "SYSTEM", false, "You are a friendly test assistant."));
        return events;
    }

    static ObjectNode audioStartBody(String contentName, int sampleRate) {
        ObjectNode body = object();
        body.put("promptName", PROMPT);
        body.put("contentName", contentName);
        body.put("type", "AUDIO");
        body.put("interactive", true);
        body.put("role", "USER");
        body.putObject("audioInputConfiguration")
                .put("mediaType", "audio/lpcm")
                .put("sampleRateHertz", sampleRate)
                .put("sampleSizeBits", 16)
                .put("channelCount", 1)
                .put("audioType", "SPEECH")
                .put("encoding", "base64");
        return body;
    }

    static String audioStart(String contentName, int sampleRate) {
        return event("contentStart", audioStartBody(contentName, sampleRate));
    }

    static String audioInput(String contentName, byte[] pcm) {
        ObjectNode body = object();
        body.put("promptName", PROMPT);
        body.put("contentName", contentName);
        body.put("content", Base64.getEncoder().encodeToString(pcm));
        return event("audioInput", body);
    }

    static List<String> audioInputs(String contentName, List<byte[]> chunks) {
        return chunks.stream().map(chunk -> audioInput(contentName, chunk)).toList();
    }

    static ObjectNode toolResultStartBody(String contentName, String toolUseId) {
        ObjectNode body = object();
        body.put("promptName", PROMPT);
        body.put("contentName", contentName);
        body.put("interactive", false);
        body.put("type", "TOOL");
        body.put("role", "TOOL");
        ObjectNode config = body.putObject("toolResultInputConfiguration");
        config.put("toolUseId", toolUseId);
        config.put("type", "TEXT");
        config.putObject("textInputConfiguration").put("mediaType", "text/plain");
        return body;
    }

    static List<String> toolResult(String contentName, String toolUseId, String content) {
        ObjectNode result = object();
        result.put("promptName", PROMPT);
        result.put("contentName", contentName);
        result.put("content", content);
        return List.of(
                event("contentStart", toolResultStartBody(contentName, toolUseId)),
                event("toolResult", result),
                contentEnd(contentName));
    }

    static String promptEnd() {
        ObjectNode body = object();
        body.put("promptName", PROMPT);
        return event("promptEnd", body);
    }

    static String sessionEnd() {
        return event("sessionEnd", object());
    }
}
