package io.github.awsbidi.emulator.novasonic;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The input side of a Nova Sonic stream: checks each event's shape and its place in the sequence
 * (sessionStart, promptStart, system prompt, history, live content, promptEnd, sessionEnd), then
 * reports what it means to an {@link InputListener}. Violations throw
 * {@link InputRejectedException} with a message naming the field or rule.
 */
final class InputProtocol {

    static final int MAX_TEXT_INPUT_BYTES = 1024;

    static final Set<Integer> SAMPLE_RATES = Set.of(8000, 16000, 24000);

    private static final List<String> EVENT_NAMES = List.of(
            "sessionStart",
            "promptStart",
            "contentStart",
            "textInput",
            "audioInput",
            "toolResult",
            "contentEnd",
            "promptEnd",
            "sessionEnd");

    private enum Phase {
        AWAITING_SESSION,
        AWAITING_PROMPT,
        IN_PROMPT,
        PROMPT_ENDED,
        SESSION_ENDED
    }

    private final JsonMapper json;

    private final InputListener listener;

    private final Map<String, OpenContent> open = new LinkedHashMap<>();

    private Phase phase = Phase.AWAITING_SESSION;

    private @Nullable String promptName;

    private final PromptContentOrder order = new PromptContentOrder();

    private boolean audioEverStarted;

    InputProtocol(JsonMapper json, InputListener listener) {
        this.json = json;
        this.listener = listener;
    }

    /** Whether an audio content has ever been started (the idle timeout only runs from then on). */
    boolean audioStarted() {
        return audioEverStarted;
    }

    void accept(String eventJson) {
        InputEvent event = InputEvent.parse(json, eventJson);
        String name = event.name();
        if (!EVENT_NAMES.contains(name)) {
            throw new InputRejectedException("Unknown input event '" + name + "': expected one of " + EVENT_NAMES);
        }
        checkPhase(name);
        JsonNode body = event.body();
        switch (name) {
            case "sessionStart" -> sessionStart(body);
            case "promptStart" -> promptStart(body);
            case "contentStart" -> contentStart(body);
            case "textInput" -> textInput(body);
            case "audioInput" -> audioInput(body);
            case "toolResult" -> toolResult(body);
            case "contentEnd" -> contentEnd(body);
            case "promptEnd" -> promptEnd(body);
            default -> sessionEnd();
        }
    }

    private void checkPhase(String name) {
        switch (phase) {
            case AWAITING_SESSION -> {
                if (!name.equals("sessionStart")) {
                    throw new InputRejectedException("sessionStart must be the first input event, got " + name);
                }
            }
            case AWAITING_PROMPT -> {
                if (name.equals("sessionStart")) {
                    throw new InputRejectedException("sessionStart was already received");
                }
                if (!name.equals("promptStart") && !name.equals("sessionEnd")) {
                    throw new InputRejectedException("promptStart must come before " + name);
                }
            }
            case IN_PROMPT -> {
                if (name.equals("sessionStart") || name.equals("promptStart")) {
                    throw new InputRejectedException(name + " was already received: one per session");
                }
            }
            case PROMPT_ENDED -> {
                if (!name.equals("sessionEnd")) {
                    throw new InputRejectedException(name + " arrived after promptEnd: only sessionEnd may follow");
                }
            }
            case SESSION_ENDED -> throw new InputRejectedException(name + " arrived after sessionEnd");
        }
    }

    private void sessionStart(JsonNode body) {
        if (body.has("endpointingSensitivity")) {
            throw new InputRejectedException("sessionStart.endpointingSensitivity is not allowed: "
                    + "turnDetectionConfiguration must be nested, as "
                    + "sessionStart.turnDetectionConfiguration.endpointingSensitivity");
        }
        JsonNode inference = InputFields.optionalObject(body, "sessionStart", "inferenceConfiguration");
        if (inference != null) {
            String path = "sessionStart.inferenceConfiguration";
            InputFields.optionalIntBetween(inference, path, "maxTokens", 1, 10_000);
            InputFields.optionalNumberBetween(inference, path, "topP", 0, 1);
            InputFields.optionalNumberBetween(inference, path, "temperature", 0, 1);
        }
        EndpointingSensitivity sensitivity = EndpointingSensitivity.MEDIUM;
        JsonNode turnDetection = InputFields.optionalObject(body, "sessionStart", "turnDetectionConfiguration");
        if (turnDetection != null) {
            sensitivity = EndpointingSensitivity.valueOf(InputFields.oneOf(
                    turnDetection,
                    "sessionStart.turnDetectionConfiguration",
                    "endpointingSensitivity",
                    Set.of("HIGH", "MEDIUM", "LOW")));
        }
        phase = Phase.AWAITING_PROMPT;
        listener.sessionStarted(sensitivity);
    }

    private void promptStart(JsonNode body) {
        String path = "promptStart";
        String name = InputFields.string(body, path, "promptName");
        JsonNode textOut = InputFields.optionalObject(body, path, "textOutputConfiguration");
        if (textOut != null) {
            InputFields.oneOf(textOut, path + ".textOutputConfiguration", "mediaType", Set.of("text/plain"));
        }
        int sampleRate = 24_000;
        String voiceId = null;
        JsonNode audioOut = InputFields.optionalObject(body, path, "audioOutputConfiguration");
        if (audioOut != null) {
            String audioPath = path + ".audioOutputConfiguration";
            sampleRate = audioFormat(audioOut, audioPath);
            voiceId = InputFields.optionalString(audioOut, audioPath, "voiceId");
        }
        JsonNode toolUseOut = InputFields.optionalObject(body, path, "toolUseOutputConfiguration");
        if (toolUseOut != null) {
            InputFields.oneOf(
                    toolUseOut, path + ".toolUseOutputConfiguration", "mediaType", Set.of("application/json"));
        }
        JsonNode toolConfig = InputFields.optionalObject(body, path, "toolConfiguration");
        Map<String, JsonNode> tools =
                toolConfig == null ? Map.of() : ToolDeclarations.parse(json, toolConfig, path + ".toolConfiguration");
        promptName = name;
        phase = Phase.IN_PROMPT;
        listener.promptStarted(new PromptSettings(name, voiceId, sampleRate, tools));
    }

    private void contentStart(JsonNode body) {
        String path = "contentStart";
        requirePromptName(body, path);
        String name = InputFields.string(body, path, "contentName");
        if (open.containsKey(name)) {
            throw new InputRejectedException(path + ".contentName \"" + name + "\" is already open");
        }
        String type = InputFields.oneOf(body, path, "type", Set.of("TEXT", "AUDIO", "TOOL"));
        boolean interactive = InputFields.optionalBoolean(body, path, "interactive", type.equals("AUDIO"));
        String role = InputFields.oneOf(
                body,
                path,
                "role",
                switch (type) {
                    // SYSTEM_SPEECH: Nova 2's speech prompt, after the system prompt (PROTOCOL.md section 3, peers'
                    // docs).
                    case "TEXT" -> Set.of("SYSTEM", "SYSTEM_SPEECH", "USER", "ASSISTANT");
                    case "AUDIO" -> Set.of("USER");
                    default -> Set.of("TOOL");
                });
        if (!role.equals("SYSTEM") && !order.systemSeen()) {
            throw new InputRejectedException("The system prompt (a TEXT content with role SYSTEM) must be the first "
                    + "content, got " + type + " content with role " + role);
        }
        OpenContent content = new OpenContent(type, role, interactive);
        switch (type) {
            case "TEXT" -> startText(body, path, content);
            case "AUDIO" -> startAudio(body, path, content);
            default -> startToolResult(body, path, content);
        }
        open.put(name, content);
        if (type.equals("AUDIO")) {
            audioEverStarted = true;
            listener.audioStarted(content.sampleRate);
        }
    }

    private void startText(JsonNode body, String path, OpenContent content) {
        JsonNode config = InputFields.object(body, path, "textInputConfiguration");
        InputFields.oneOf(config, path + ".textInputConfiguration", "mediaType", Set.of("text/plain"));
        order.textStarted(path, content);
    }

    private void startAudio(JsonNode body, String path, OpenContent content) {
        for (Map.Entry<String, OpenContent> other : open.entrySet()) {
            if (other.getValue().type.equals("AUDIO")) {
                throw new InputRejectedException(
                        "AUDIO content \"" + other.getKey() + "\" is still open: end it before starting another");
            }
        }
        JsonNode config = InputFields.object(body, path, "audioInputConfiguration");
        content.sampleRate = audioFormat(config, path + ".audioInputConfiguration");
        order.audioStarted();
    }

    private void startToolResult(JsonNode body, String path, OpenContent content) {
        String configPath = path + ".toolResultInputConfiguration";
        JsonNode config = InputFields.object(body, path, "toolResultInputConfiguration");
        String toolUseId = InputFields.string(config, configPath, "toolUseId");
        InputFields.oneOf(config, configPath, "type", Set.of("TEXT"));
        JsonNode text = InputFields.object(config, configPath, "textInputConfiguration");
        InputFields.oneOf(text, configPath + ".textInputConfiguration", "mediaType", Set.of("text/plain"));
        boolean alreadyOpen = open.values().stream().anyMatch(c -> toolUseId.equals(c.toolUseId));
        if (alreadyOpen || !listener.awaitsToolResult(toolUseId)) {
            throw new InputRejectedException(
                    configPath + ".toolUseId \"" + toolUseId + "\" does not match any toolUse awaiting a result");
        }
        content.toolUseId = toolUseId;
    }

    private int audioFormat(JsonNode config, String path) {
        InputFields.oneOf(config, path, "mediaType", Set.of("audio/lpcm"));
        int sampleRate = InputFields.intIn(config, path, "sampleRateHertz", SAMPLE_RATES);
        InputFields.intIn(config, path, "sampleSizeBits", Set.of(16));
        InputFields.intIn(config, path, "channelCount", Set.of(1));
        InputFields.oneOf(config, path, "encoding", Set.of("base64"));
        InputFields.optionalEquals(config, path, "audioType", "SPEECH");
        return sampleRate;
    }

    private void textInput(JsonNode body) {
        String path = "textInput";
        OpenContent content = openContent(body, path, "TEXT");
        String text = InputFields.optionalString(body, path, "content");
        if (text == null) {
            throw new InputRejectedException(path + ".content is required and must be a string");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (!content.role.equals("SYSTEM") && bytes > MAX_TEXT_INPUT_BYTES) {
            throw new InputRejectedException(path + ".content is " + bytes + " bytes: each textInput may hold at most "
                    + MAX_TEXT_INPUT_BYTES + " bytes of UTF-8 (split longer text)");
        }
        order.textRead(content, bytes);
        content.text.append(text);
        listener.textRead(text);
    }

    private void audioInput(JsonNode body) {
        for (Map.Entry<String, OpenContent> other : open.entrySet()) {
            if (other.getValue().type.equals("TEXT")) {
                throw new InputRejectedException("Chat history should be sent completely before streaming audio: "
                        + "audioInput arrived while TEXT content \"" + other.getKey() + "\" is open");
            }
        }
        String path = "audioInput";
        openContent(body, path, "AUDIO");
        String base64 = InputFields.string(body, path, "content");
        byte[] pcm;
        try {
            pcm = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException ex) {
            throw new InputRejectedException(path + ".content is not valid base64: " + ex.getMessage());
        }
        if (pcm.length % 2 != 0) {
            throw new InputRejectedException(
                    path + ".content must hold whole 16-bit samples, got " + pcm.length + " bytes");
        }
        listener.audioReceived(pcm);
    }

    private void toolResult(JsonNode body) {
        String path = "toolResult";
        OpenContent content = openContent(body, path, "TOOL");
        String result = InputFields.string(body, path, "content");
        if (content.toolResultReceived) {
            throw new InputRejectedException(
                    "TOOL content for toolUseId \"" + content.toolUseId + "\" already holds its toolResult");
        }
        try {
            json.readTree(result);
        } catch (JacksonException ex) {
            throw new InputRejectedException("Tool Response parsing error: toolResult.content must be JSON text ("
                    + ex.getOriginalMessage() + ")");
        }
        content.text.append(result);
        content.toolResultReceived = true;
        listener.textRead(result);
    }

    private void contentEnd(JsonNode body) {
        String path = "contentEnd";
        requirePromptName(body, path);
        String name = InputFields.string(body, path, "contentName");
        OpenContent content = open.get(name);
        if (content == null) {
            throw new InputRejectedException(path + ".contentName \"" + name + "\" does not name an open content");
        }
        if (content.type.equals("TOOL") && !content.toolResultReceived) {
            throw new InputRejectedException("TOOL content \"" + name + "\" ended without a toolResult");
        }
        open.remove(name);
        switch (content.type) {
            case "TEXT" -> {
                if (content.interactive) {
                    listener.userTextTurn(content.text.toString());
                }
            }
            case "AUDIO" -> listener.audioEnded();
            default -> listener.toolResultReceived(String.valueOf(content.toolUseId), content.text.toString());
        }
    }

    private void promptEnd(JsonNode body) {
        requirePromptName(body, "promptEnd");
        if (!open.isEmpty()) {
            throw new InputRejectedException("promptEnd arrived while content \""
                    + open.keySet().iterator().next() + "\" is still open: end it with contentEnd first");
        }
        phase = Phase.PROMPT_ENDED;
        listener.promptEnded();
    }

    private void sessionEnd() {
        phase = Phase.SESSION_ENDED;
        listener.sessionEnded();
    }

    private OpenContent openContent(JsonNode body, String path, String type) {
        requirePromptName(body, path);
        String name = InputFields.string(body, path, "contentName");
        OpenContent content = open.get(name);
        if (content == null) {
            throw new InputRejectedException(path + ".contentName \"" + name + "\" does not name an open content");
        }
        if (!content.type.equals(type)) {
            throw new InputRejectedException(
                    path + " must belong to a " + type + " content, but \"" + name + "\" is " + content.type);
        }
        return content;
    }

    private void requirePromptName(JsonNode body, String path) {
        String name = InputFields.string(body, path, "promptName");
        if (!name.equals(promptName)) {
            throw new InputRejectedException(path + ".promptName \"" + name
                    + "\" does not match the promptName of promptStart \"" + promptName + "\"");
        }
    }
}
