package io.github.awsbidi.sample;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Nova Sonic input events for one interactive text turn, as a client of the WebSocket bridge sends them. */
final class NovaSonicTurn {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PROMPT = "prompt-1";

    private NovaSonicTurn() {}

    /** sessionStart, promptStart, a system prompt, then {@code text} as an interactive USER turn. */
    static List<String> userTextTurn(String text) {
        List<String> events = new ArrayList<>();
        ObjectNode sessionStart = JSON.createObjectNode();
        sessionStart
                .putObject("inferenceConfiguration")
                .put("maxTokens", 1024)
                .put("topP", 0.9)
                .put("temperature", 0.7);
        sessionStart.putObject("turnDetectionConfiguration").put("endpointingSensitivity", "MEDIUM");
        events.add(event("sessionStart", sessionStart));
        ObjectNode promptStart = JSON.createObjectNode().put("promptName", PROMPT);
        promptStart.putObject("textOutputConfiguration").put("mediaType", "text/plain");
        promptStart
                .putObject("audioOutputConfiguration")
                .put("mediaType", "audio/lpcm")
                .put("sampleRateHertz", 24000)
                .put("sampleSizeBits", 16)
                .put("channelCount", 1)
                .put("voiceId", "matthew")
                .put("encoding", "base64")
                .put("audioType", "SPEECH");
        events.add(event("promptStart", promptStart));
        events.addAll(textBlock("system", "SYSTEM", false, "You are a friendly test assistant."));
        events.addAll(textBlock("user-1", "USER", true, text));
        return events;
    }

    private static List<String> textBlock(String contentName, String role, boolean interactive, String content) {
        ObjectNode start = JSON.createObjectNode()
                .put("promptName", PROMPT)
                .put("contentName", contentName)
                .put("type", "TEXT")
                .put("interactive", interactive)
                .put("role", role);
        start.putObject("textInputConfiguration").put("mediaType", "text/plain");
        ObjectNode input = JSON.createObjectNode()
                .put("promptName", PROMPT)
                .put("contentName", contentName)
                .put("content", content);
        ObjectNode end = JSON.createObjectNode().put("promptName", PROMPT).put("contentName", contentName);
        return List.of(event("contentStart", start), event("textInput", input), event("contentEnd", end));
    }

    private static String event(String name, ObjectNode body) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("event").set(name, body);
        return JSON.writeValueAsString(root);
    }
}
