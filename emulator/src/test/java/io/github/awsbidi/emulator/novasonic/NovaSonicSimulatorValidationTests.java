package io.github.awsbidi.emulator.novasonic;

import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.audioInput;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.audioStart;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.audioStartBody;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.contentEnd;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.event;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.object;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.opening;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.promptEnd;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.promptStart;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.promptStartBody;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.sessionStart;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.sessionStartBody;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.text;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.textInput;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.textStart;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.toolResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class NovaSonicSimulatorValidationTests {

    private static final byte[] LOUD = TestAudio.sine(0.032, 300, 16_000, 0.3);

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void violationFailsTheStreamWithAValidationExceptionNamingTheProblem(
            String violation, List<String> events, String expectedMessage) {
        try (SimulatorHarness harness = new SimulatorHarness(TestOptions.scaled(0.01))) {
            harness.send(events);

            CollectingSink.Ending ending = harness.awaitFailure("validationException");
            assertThat(ending.message()).contains(expectedMessage);
            assertThat(harness.sink.events()).isEmpty();
        }
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                violation(
                        "first event is not sessionStart",
                        List.of(promptStart()),
                        "sessionStart must be the first input event, got promptStart"),
                violation(
                        "flat endpointingSensitivity",
                        List.of(changedSessionStart(b -> b.put("endpointingSensitivity", "HIGH"))),
                        "turnDetectionConfiguration must be nested"),
                violation(
                        "maxTokens below 1",
                        List.of(changedSessionStart(
                                b -> ((ObjectNode) b.get("inferenceConfiguration")).put("maxTokens", 0))),
                        "sessionStart.inferenceConfiguration.maxTokens must be an integer between 1 and 10000"),
                violation(
                        "maxTokens above 10000",
                        List.of(changedSessionStart(
                                b -> ((ObjectNode) b.get("inferenceConfiguration")).put("maxTokens", 10_001))),
                        "maxTokens must be an integer between 1 and 10000, got 10001"),
                violation(
                        "topP above 1",
                        List.of(changedSessionStart(
                                b -> ((ObjectNode) b.get("inferenceConfiguration")).put("topP", 1.5))),
                        "sessionStart.inferenceConfiguration.topP must be a number between 0.0 and 1.0"),
                violation(
                        "negative temperature",
                        List.of(changedSessionStart(
                                b -> ((ObjectNode) b.get("inferenceConfiguration")).put("temperature", -0.1))),
                        "temperature must be a number between 0.0 and 1.0"),
                violation(
                        "unknown endpointing sensitivity",
                        List.of(changedSessionStart(b -> ((ObjectNode) b.get("turnDetectionConfiguration"))
                                .put("endpointingSensitivity", "EXTREME"))),
                        "endpointingSensitivity must be one of [HIGH, LOW, MEDIUM]"),
                violation(
                        "second sessionStart",
                        List.of(sessionStart(), sessionStart()),
                        "sessionStart was already received"),
                violation(
                        "promptStart without promptName",
                        List.of(sessionStart(), changedPromptStart(b -> b.remove("promptName"))),
                        "promptStart.promptName is required"),
                violation(
                        "tool schema given as an object",
                        List.of(sessionStart(), changedPromptStart(b -> {
                            ObjectNode spec = b.putObject("toolConfiguration")
                                    .putArray("tools")
                                    .addObject()
                                    .putObject("toolSpec");
                            spec.put("name", "getWeather");
                            spec.putObject("inputSchema").putObject("json").put("type", "object");
                        })),
                        "inputSchema.json is required and must be the JSON schema serialized as a string"),
                violation(
                        "second promptStart",
                        List.of(sessionStart(), promptStart(), promptStart()),
                        "promptStart was already received"),
                violation(
                        "contentStart before promptStart",
                        List.of(sessionStart(), textStart("system", "SYSTEM", false)),
                        "promptStart must come before contentStart"),
                violation(
                        "contentStart of another prompt",
                        List.of(
                                sessionStart(),
                                promptStart(),
                                event(
                                        "contentStart",
                                        NovaSonicInputs.textStartBody("system", "SYSTEM", false)
                                                .put("promptName", "other"))),
                        "contentStart.promptName \"other\" does not match"),
                violation(
                        "first content is not the system prompt",
                        concat(List.of(sessionStart(), promptStart()), text("h1", "USER", false, "Hi")),
                        "The system prompt (a TEXT content with role SYSTEM) must be the first content"),
                violation(
                        "second system prompt",
                        concat(opening(), text("system-2", "SYSTEM", false, "Again")),
                        "Only one system prompt"),
                violation(
                        "text content without textInputConfiguration",
                        concat(
                                List.of(sessionStart(), promptStart()),
                                List.of(event(
                                        "contentStart",
                                        NovaSonicInputs.textStartBody("system", "SYSTEM", false)
                                                .without("textInputConfiguration")))),
                        "contentStart.textInputConfiguration is required"),
                violation(
                        "textInput for a content that is not open",
                        concat(opening(), List.of(textInput("nope", "Hello"))),
                        "textInput.contentName \"nope\" does not name an open content"),
                violation(
                        "history that starts with ASSISTANT",
                        concat(opening(), text("h1", "ASSISTANT", false, "Hi")),
                        "The first chat history message must have role USER, got ASSISTANT"),
                violation(
                        "history after audio",
                        concat(
                                opening(),
                                List.of(audioStart("audio", 16_000), contentEnd("audio")),
                                text("h1", "USER", false, "Late history")),
                        "Chat history (non-interactive USER text) must be sent before any audio"),
                violation(
                        "textInput over 1 KB of UTF-8",
                        concat(opening(), text("h1", "USER", false, "é".repeat(600))),
                        "textInput.content is 1200 bytes: each textInput may hold at most 1024 bytes"),
                violation(
                        "history over 40 KB",
                        concat(opening(), longHistory()),
                        "Chat history is 41000 bytes: it may hold at most 40960 bytes"),
                violation(
                        "audioInput between a text contentStart and its contentEnd",
                        concat(
                                opening(),
                                List.of(
                                        audioStart("audio", 16_000),
                                        textStart("live", "USER", true),
                                        audioInput("audio", LOUD))),
                        "Chat history should be sent completely before streaming audio"),
                violation(
                        "audioInput outside an audio content",
                        concat(opening(), List.of(audioInput("audio", LOUD))),
                        "audioInput.contentName \"audio\" does not name an open content"),
                violation(
                        "audio content with role ASSISTANT",
                        concat(
                                opening(),
                                List.of(event(
                                        "contentStart",
                                        audioStartBody("audio", 16_000).put("role", "ASSISTANT")))),
                        "contentStart.role must be one of [USER], got \"ASSISTANT\""),
                violation(
                        "audio at 44.1 kHz",
                        concat(opening(), List.of(audioStart("audio", 44_100))),
                        "audioInputConfiguration.sampleRateHertz must be one of [8000, 16000, 24000], got 44100"),
                violation(
                        "8-bit audio",
                        concat(opening(), List.of(event("contentStart", audioConfig(c -> c.put("sampleSizeBits", 8))))),
                        "audioInputConfiguration.sampleSizeBits must be one of [16], got 8"),
                violation(
                        "stereo audio",
                        concat(opening(), List.of(event("contentStart", audioConfig(c -> c.put("channelCount", 2))))),
                        "audioInputConfiguration.channelCount must be one of [1], got 2"),
                violation(
                        "audio not base64-encoded",
                        concat(opening(), List.of(event("contentStart", audioConfig(c -> c.put("encoding", "raw"))))),
                        "audioInputConfiguration.encoding must be one of [base64]"),
                violation(
                        "audio content without audioInputConfiguration",
                        concat(
                                opening(),
                                List.of(event(
                                        "contentStart",
                                        audioStartBody("audio", 16_000).without("audioInputConfiguration")))),
                        "contentStart.audioInputConfiguration is required"),
                violation(
                        "audioInput that is not base64",
                        concat(
                                opening(),
                                List.of(
                                        audioStart("audio", 16_000),
                                        event(
                                                "audioInput",
                                                object().put("promptName", NovaSonicInputs.PROMPT)
                                                        .put("contentName", "audio")
                                                        .put("content", "not base64!")))),
                        "audioInput.content is not valid base64"),
                violation(
                        "toolResult for an unknown toolUseId",
                        concat(opening("getWeather"), toolResult("result", "no-such-id", "{\"temp\":21}")),
                        "toolUseId \"no-such-id\" does not match any toolUse awaiting a result"),
                violation(
                        "promptEnd while audio is open",
                        concat(opening(), List.of(audioStart("audio", 16_000), promptEnd())),
                        "promptEnd arrived while content \"audio\" is still open"),
                violation(
                        "unknown event",
                        concat(opening(), List.of(event("audioInputs", object()))),
                        "Unknown input event 'audioInputs'"),
                violation("malformed JSON", List.of("{\"event\":"), "Malformed input event"),
                violation(
                        "two events in one chunk",
                        List.of("{\"event\":{\"sessionStart\":{},\"promptStart\":{}}}"),
                        "'event' must hold exactly one event"));
    }

    private static Arguments violation(String name, List<String> events, String message) {
        return Arguments.of(name, events, message);
    }

    private static String changedSessionStart(Consumer<ObjectNode> change) {
        ObjectNode body = sessionStartBody();
        change.accept(body);
        return event("sessionStart", body);
    }

    private static String changedPromptStart(Consumer<ObjectNode> change) {
        ObjectNode body = promptStartBody();
        change.accept(body);
        return event("promptStart", body);
    }

    private static ObjectNode audioConfig(Consumer<ObjectNode> change) {
        ObjectNode body = audioStartBody("audio", 16_000);
        change.accept((ObjectNode) body.get("audioInputConfiguration"));
        return body;
    }

    /** 41 history messages of 1000 bytes each, alternating USER and ASSISTANT. */
    private static List<String> longHistory() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            events.addAll(text("h" + i, i % 2 == 0 ? "USER" : "ASSISTANT", false, "x".repeat(1000)));
        }
        return events;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
