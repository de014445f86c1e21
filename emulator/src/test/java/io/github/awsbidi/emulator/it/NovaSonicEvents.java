package io.github.awsbidi.emulator.it;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Nova Sonic input events as a client writes them, and helpers to read output events. */
final class NovaSonicEvents {

    static final String PROMPT = "prompt-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NovaSonicEvents() {}

    static String sessionStart() {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("inferenceConfiguration")
                .put("maxTokens", 1024)
                .put("topP", 0.9)
                .put("temperature", 0.7);
        body.putObject("turnDetectionConfiguration").put("endpointingSensitivity", "MEDIUM");
        return event("sessionStart", body);
    }

    static String promptStart() {
        ObjectNode body = JSON.createObjectNode().put("promptName", PROMPT);
        body.putObject("textOutputConfiguration").put("mediaType", "text/plain");
        body.putObject("audioOutputConfiguration")
                .put("mediaType", "audio/lpcm")
                .put("sampleRateHertz", 24_000)
                .put("sampleSizeBits", 16)
                .put("channelCount", 1)
                .put("voiceId", "matthew")
                .put("encoding", "base64")
                .put("audioType", "SPEECH");
        return event("promptStart", body);
    }

    static String textContentStart(String contentName, String role, boolean interactive) {
        ObjectNode body = JSON.createObjectNode()
                .put("promptName", PROMPT)
                .put("contentName", contentName)
                .put("type", "TEXT")
                .put("interactive", interactive)
                .put("role", role);
        body.putObject("textInputConfiguration").put("mediaType", "text/plain");
        return event("contentStart", body);
    }

    static String textInput(String contentName, String text) {
        return event(
                "textInput",
                JSON.createObjectNode()
                        .put("promptName", PROMPT)
                        .put("contentName", contentName)
                        .put("content", text));
    }

    static String audioInput(String contentName, String base64Pcm) {
        return event(
                "audioInput",
                JSON.createObjectNode()
                        .put("promptName", PROMPT)
                        .put("contentName", contentName)
                        .put("content", base64Pcm));
    }

    static String contentEnd(String contentName) {
        return event(
                "contentEnd", JSON.createObjectNode().put("promptName", PROMPT).put("contentName", contentName));
    }

    static String promptEnd() {
        return event("promptEnd", JSON.createObjectNode().put("promptName", PROMPT));
    }

    static String sessionEnd() {
        return event("sessionEnd", JSON.createObjectNode());
    }

    private static String event(String name, ObjectNode body) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("event").set(name, body);
        return root.toString();
    }

    /** The name of an output event {@code {"event":{"<name>":{…}}}}. */
    static String name(String chunk) {
        return JSON.readTree(chunk).path("event").propertyNames().iterator().next();
    }

    /** The body of an output event. */
    static JsonNode body(String chunk) {
        return JSON.readTree(chunk).path("event").path(name(chunk));
    }
}
