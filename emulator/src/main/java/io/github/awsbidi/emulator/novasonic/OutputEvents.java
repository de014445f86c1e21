package io.github.awsbidi.emulator.novasonic;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON text of Nova Sonic's output events for one prompt of one session. Every event
 * carries {@code sessionId}, {@code promptName} and {@code completionId}; content events carry
 * {@code contentId}.
 */
final class OutputEvents {

    private final JsonMapper json;

    private final String sessionId;

    private final String promptName;

    private final int audioSampleRate;

    OutputEvents(JsonMapper json, String sessionId, String promptName, int audioSampleRate) {
        this.json = json;
        this.sessionId = sessionId;
        this.promptName = promptName;
        this.audioSampleRate = audioSampleRate;
    }

    String completionStart(String completionId) {
        return write("completionStart", base(completionId));
    }

    /** A TEXT content; {@code additionalModelFields} is a JSON <em>string</em>, as the service sends it. */
    String textContentStart(String completionId, String contentId, String role, String generationStage) {
        ObjectNode body = content(completionId, contentId);
        body.put("type", "TEXT");
        body.put("role", role);
        body.put("additionalModelFields", "{\"generationStage\":\"" + generationStage + "\"}");
        body.putObject("textOutputConfiguration").put("mediaType", "text/plain");
        return write("contentStart", body);
    }

    String audioContentStart(String completionId, String contentId) {
        ObjectNode body = content(completionId, contentId);
        body.put("type", "AUDIO");
        body.put("role", "ASSISTANT");
        body.putObject("audioOutputConfiguration")
                .put("mediaType", "audio/lpcm")
                .put("sampleRateHertz", audioSampleRate)
                .put("sampleSizeBits", 16)
                .put("channelCount", 1)
                .put("encoding", "base64");
        return write("contentStart", body);
    }

    String toolContentStart(String completionId, String contentId) {
        ObjectNode body = content(completionId, contentId);
        body.put("type", "TOOL");
        body.put("role", "TOOL");
        body.putObject("toolUseOutputConfiguration").put("mediaType", "application/json");
        return write("contentStart", body);
    }

    String textOutput(String completionId, String contentId, String role, String text) {
        ObjectNode body = content(completionId, contentId);
        body.put("content", text);
        body.put("role", role);
        return write("textOutput", body);
    }

    String audioOutput(String completionId, String contentId, String base64Pcm) {
        ObjectNode body = content(completionId, contentId);
        body.put("content", base64Pcm);
        return write("audioOutput", body);
    }

    String toolUse(String completionId, String contentId, String toolName, String toolUseId, String argumentsJson) {
        ObjectNode body = content(completionId, contentId);
        body.put("toolName", toolName);
        body.put("toolUseId", toolUseId);
        body.put("content", argumentsJson);
        return write("toolUse", body);
    }

    String contentEnd(String completionId, String contentId, String type, String stopReason) {
        ObjectNode body = content(completionId, contentId);
        body.put("stopReason", stopReason);
        body.put("type", type);
        return write("contentEnd", body);
    }

    String usageEvent(String completionId, UsageAccountant.Report report) {
        ObjectNode body = base(completionId);
        ObjectNode details = body.putObject("details");
        tokens(details.putObject("delta"), report.delta());
        tokens(details.putObject("total"), report.total());
        body.put("totalInputTokens", report.total().input());
        body.put("totalOutputTokens", report.total().output());
        body.put("totalTokens", report.total().input() + report.total().output());
        return write("usageEvent", body);
    }

    String completionEnd(String completionId, String stopReason) {
        ObjectNode body = base(completionId);
        body.put("stopReason", stopReason);
        return write("completionEnd", body);
    }

    private static void tokens(ObjectNode node, UsageAccountant.Tokens tokens) {
        node.putObject("input").put("speechTokens", tokens.inputSpeech()).put("textTokens", tokens.inputText());
        node.putObject("output").put("speechTokens", tokens.outputSpeech()).put("textTokens", tokens.outputText());
    }

    private ObjectNode base(String completionId) {
        ObjectNode body = json.createObjectNode();
        body.put("sessionId", sessionId);
        body.put("promptName", promptName);
        body.put("completionId", completionId);
        return body;
    }

    private ObjectNode content(String completionId, String contentId) {
        ObjectNode body = base(completionId);
        body.put("contentId", contentId);
        return body;
    }

    private String write(String name, ObjectNode body) {
        ObjectNode root = json.createObjectNode();
        root.putObject("event").set(name, body);
        return json.writeValueAsString(root);
    }
}
