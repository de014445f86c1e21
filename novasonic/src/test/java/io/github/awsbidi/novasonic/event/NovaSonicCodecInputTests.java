package io.github.awsbidi.novasonic.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NovaSonicCodecInputTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NovaSonicCodec codec = new NovaSonicCodec();

    @Test
    void sessionStartNestsTurnDetection() {
        InputEvent event = new InputEvent.SessionStart(
                new InferenceConfiguration(1024, 0.9, 0.7),
                new TurnDetectionConfiguration(EndpointingSensitivity.MEDIUM));

        assertJson(event, """
                {"event":{"sessionStart":{
                  "inferenceConfiguration":{"maxTokens":1024,"topP":0.9,"temperature":0.7},
                  "turnDetectionConfiguration":{"endpointingSensitivity":"MEDIUM"}}}}""");
    }

    @Test
    void sessionStartWithoutTurnDetectionLeavesItOut() {
        assertJson(new InputEvent.SessionStart(new InferenceConfiguration(10, 0.5, 0.0), null), """
                {"event":{"sessionStart":{"inferenceConfiguration":{"maxTokens":10,"topP":0.5,"temperature":0.0}}}}""");
    }

    @Test
    void promptStartCarriesOutputsAndTools() {
        InputEvent event = new InputEvent.PromptStart(
                "p1",
                MediaTypeConfiguration.TEXT_PLAIN,
                AudioOutputConfiguration.pcm16(24000, "matthew"),
                MediaTypeConfiguration.APPLICATION_JSON,
                new ToolConfiguration(
                        ToolChoice.tool("getWeather"),
                        List.of(new ToolSpec(
                                "getWeather",
                                "Current weather",
                                "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"))));

        assertJson(event, """
                {"event":{"promptStart":{
                  "promptName":"p1",
                  "textOutputConfiguration":{"mediaType":"text/plain"},
                  "audioOutputConfiguration":{"mediaType":"audio/lpcm","sampleRateHertz":24000,"sampleSizeBits":16,
                    "channelCount":1,"voiceId":"matthew","encoding":"base64","audioType":"SPEECH"},
                  "toolUseOutputConfiguration":{"mediaType":"application/json"},
                  "toolConfiguration":{
                    "toolChoice":{"tool":{"name":"getWeather"}},
                    "tools":[{"toolSpec":{"name":"getWeather","description":"Current weather",
                      "inputSchema":{"json":"{\\"type\\":\\"object\\",\\"properties\\":{\\"city\\":{\\"type\\":\\"string\\"}}}"}}}]}}}}""");
    }

    @Test
    void toolChoicesAutoAndAnyAreEmptyObjects() {
        assertThat(tree(promptStartWith(ToolChoice.auto())).at("/event/promptStart/toolConfiguration/toolChoice"))
                .isEqualTo(JSON.readTree("{\"auto\":{}}"));
        assertThat(tree(promptStartWith(ToolChoice.any())).at("/event/promptStart/toolConfiguration/toolChoice"))
                .isEqualTo(JSON.readTree("{\"any\":{}}"));
        assertThat(tree(promptStartWith(null))
                        .at("/event/promptStart/toolConfiguration")
                        .has("toolChoice"))
                .isFalse();
    }

    @Test
    void textContentStart() {
        assertJson(InputEvent.ContentStart.text("p1", "c1", Role.SYSTEM, false), """
                {"event":{"contentStart":{"promptName":"p1","contentName":"c1","type":"TEXT","interactive":false,
                  "role":"SYSTEM","textInputConfiguration":{"mediaType":"text/plain"}}}}""");
    }

    @Test
    void audioContentStart() {
        assertJson(InputEvent.ContentStart.audio("p1", "a1", 16000), """
                {"event":{"contentStart":{"promptName":"p1","contentName":"a1","type":"AUDIO","interactive":true,
                  "role":"USER","audioInputConfiguration":{"mediaType":"audio/lpcm","sampleRateHertz":16000,
                  "sampleSizeBits":16,"channelCount":1,"audioType":"SPEECH","encoding":"base64"}}}}""");
    }

    @Test
    void toolResultContentStart() {
        assertJson(InputEvent.ContentStart.toolResult("p1", "t1", "use-1"), """
                {"event":{"contentStart":{"promptName":"p1","contentName":"t1","type":"TOOL","interactive":false,
                  "role":"TOOL","toolResultInputConfiguration":{"toolUseId":"use-1","type":"TEXT",
                  "textInputConfiguration":{"mediaType":"text/plain"}}}}}""");
    }

    @Test
    void contentEventsAndClosingEvents() {
        assertJson(
                new InputEvent.TextInput("p1", "c1", "Hello"),
                "{\"event\":{\"textInput\":{\"promptName\":\"p1\",\"contentName\":\"c1\",\"content\":\"Hello\"}}}");
        assertJson(
                InputEvent.AudioInput.ofPcm("p1", "a1", new byte[] {1, 0, -1, -1}),
                "{\"event\":{\"audioInput\":{\"promptName\":\"p1\",\"contentName\":\"a1\",\"content\":\"AQD//w==\"}}}");
        assertJson(
                new InputEvent.ToolResult("p1", "t1", "{\"temp\":21}"),
                "{\"event\":{\"toolResult\":{\"promptName\":\"p1\",\"contentName\":\"t1\",\"content\":\"{\\\"temp\\\":21}\"}}}");
        assertJson(
                new InputEvent.ContentEnd("p1", "c1"),
                "{\"event\":{\"contentEnd\":{\"promptName\":\"p1\",\"contentName\":\"c1\"}}}");
        assertJson(new InputEvent.PromptEnd("p1"), "{\"event\":{\"promptEnd\":{\"promptName\":\"p1\"}}}");
        assertJson(new InputEvent.SessionEnd(), "{\"event\":{\"sessionEnd\":{}}}");
    }

    @Test
    void everyInputEventSurvivesARoundTrip() {
        List<InputEvent> events = List.of(
                new InputEvent.SessionStart(
                        new InferenceConfiguration(1024, 0.9, 0.7),
                        new TurnDetectionConfiguration(EndpointingSensitivity.HIGH)),
                new InputEvent.SessionStart(new InferenceConfiguration(1, 0.0, 1.0), null),
                promptStartWith(ToolChoice.any()),
                promptStartWith(ToolChoice.tool("x")),
                new InputEvent.PromptStart(
                        "p",
                        MediaTypeConfiguration.TEXT_PLAIN,
                        AudioOutputConfiguration.pcm16(8000, "tiffany"),
                        null,
                        null),
                InputEvent.ContentStart.text("p", "c", Role.USER, true),
                InputEvent.ContentStart.audio("p", "c", 24000),
                InputEvent.ContentStart.toolResult("p", "c", "id"),
                new InputEvent.TextInput("p", "c", "ünïcødé \uD83D\uDE00"),
                InputEvent.AudioInput.ofPcm("p", "c", new byte[] {1, 2, 3, 4}),
                new InputEvent.ToolResult("p", "c", "{}"),
                new InputEvent.ContentEnd("p", "c"),
                new InputEvent.PromptEnd("p"),
                new InputEvent.SessionEnd());

        for (InputEvent event : events) {
            assertThat(codec.decodeInput(codec.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void bytesAreUtf8() {
        InputEvent event = new InputEvent.TextInput("p", "c", "é");
        assertThat(new String(codec.encodeToBytes(event), StandardCharsets.UTF_8))
                .isEqualTo(codec.encode(event));
    }

    @Test
    void unknownEnumConstantIsNeverSent() {
        assertThatThrownBy(() -> codec.encode(InputEvent.ContentStart.text("p", "c", Role.UNKNOWN, false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Role.UNKNOWN");
    }

    @Test
    void decodeInputNamesTheMissingMember() {
        assertThatThrownBy(
                        () -> codec.decodeInput("{\"event\":{\"textInput\":{\"promptName\":\"p\",\"content\":\"x\"}}}"))
                .isInstanceOf(NovaSonicProtocolException.class)
                .hasMessageContaining("contentName");
        assertThatThrownBy(() -> codec.decodeInput("{\"event\":{\"dance\":{}}}"))
                .isInstanceOf(NovaSonicProtocolException.class)
                .hasMessageContaining("dance");
    }

    private static InputEvent promptStartWith(@Nullable ToolChoice choice) {
        return new InputEvent.PromptStart(
                "p",
                MediaTypeConfiguration.TEXT_PLAIN,
                AudioOutputConfiguration.pcm16(24000, "matthew"),
                MediaTypeConfiguration.APPLICATION_JSON,
                new ToolConfiguration(choice, List.of(new ToolSpec("x", "does x", "{}"))));
    }

    private JsonNode tree(InputEvent event) {
        return JSON.readTree(codec.encode(event));
    }

    private void assertJson(InputEvent event, String expected) {
        assertThat(tree(event)).isEqualTo(JSON.readTree(expected));
    }
}
