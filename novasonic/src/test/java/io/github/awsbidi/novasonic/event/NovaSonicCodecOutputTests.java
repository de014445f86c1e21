package io.github.awsbidi.novasonic.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NovaSonicCodecOutputTests {

    private static final String IDS = "\"sessionId\":\"s1\",\"promptName\":\"p1\",\"completionId\":\"c1\"";

    private final NovaSonicCodec codec = new NovaSonicCodec();

    @Test
    void completionStart() {
        OutputEvent event = codec.decode("{\"event\":{\"completionStart\":{" + IDS + "}}}");

        assertThat(event).isEqualTo(new OutputEvent.CompletionStart("s1", "p1", "c1", Map.of()));
    }

    @Test
    void contentStartExposesTheGenerationStageOfItsJsonString() {
        OutputEvent event = codec.decode("{\"event\":{\"contentStart\":{" + IDS + ",\"contentId\":\"x1\","
                + "\"type\":\"TEXT\",\"role\":\"ASSISTANT\","
                + "\"additionalModelFields\":\"{\\\"generationStage\\\":\\\"SPECULATIVE\\\"}\","
                + "\"textOutputConfiguration\":{\"mediaType\":\"text/plain\"}}}}");

        assertThat(event).isInstanceOf(OutputEvent.ContentStart.class);
        OutputEvent.ContentStart start = (OutputEvent.ContentStart) event;
        assertThat(start.contentId()).isEqualTo("x1");
        assertThat(start.type()).isEqualTo(ContentType.TEXT);
        assertThat(start.role()).isEqualTo(Role.ASSISTANT);
        assertThat(start.generationStage()).isEqualTo(GenerationStage.SPECULATIVE);
        assertThat(start.additionalModelFields()).isEqualTo("{\"generationStage\":\"SPECULATIVE\"}");
        assertThat(start.extra()).containsEntry("textOutputConfiguration", Map.of("mediaType", "text/plain"));
    }

    @Test
    void contentStartToleratesAdditionalModelFieldsAsAnObjectOrAbsentOrGarbage() {
        OutputEvent.ContentStart object = (OutputEvent.ContentStart) codec.decode("{\"event\":{\"contentStart\":{"
                + "\"type\":\"TEXT\",\"role\":\"USER\",\"additionalModelFields\":{\"generationStage\":\"FINAL\"}}}}");
        OutputEvent.ContentStart absent = (OutputEvent.ContentStart)
                codec.decode("{\"event\":{\"contentStart\":{\"type\":\"AUDIO\",\"role\":\"ASSISTANT\"}}}");
        OutputEvent.ContentStart garbage = (OutputEvent.ContentStart)
                codec.decode(
                        "{\"event\":{\"contentStart\":{\"type\":\"TEXT\",\"role\":\"USER\",\"additionalModelFields\":\"{oops\"}}}");
        OutputEvent.ContentStart novel = (OutputEvent.ContentStart)
                codec.decode(
                        "{\"event\":{\"contentStart\":{"
                                + "\"type\":\"TEXT\",\"role\":\"USER\",\"additionalModelFields\":\"{\\\"generationStage\\\":\\\"DRAFT\\\"}\"}}}");

        assertThat(object.generationStage()).isEqualTo(GenerationStage.FINAL);
        assertThat(absent.generationStage()).isNull();
        assertThat(absent.additionalModelFields()).isNull();
        assertThat(garbage.generationStage()).isNull();
        assertThat(garbage.additionalModelFields()).isEqualTo("{oops");
        assertThat(novel.generationStage()).isEqualTo(GenerationStage.UNKNOWN);
    }

    @Test
    void textOutputAndTheInterruptionMarker() {
        OutputEvent.TextOutput words = (OutputEvent.TextOutput) codec.decode("{\"event\":{\"textOutput\":{" + IDS
                + ",\"contentId\":\"x\",\"content\":\"Hello there\",\"role\":\"ASSISTANT\"}}}");
        OutputEvent.TextOutput marker = (OutputEvent.TextOutput) codec.decode("{\"event\":{\"textOutput\":{" + IDS
                + ",\"contentId\":\"x\",\"content\":\"{ \\\"interrupted\\\" : true }\",\"role\":\"ASSISTANT\"}}}");
        OutputEvent.TextOutput notMarker = (OutputEvent.TextOutput)
                codec.decode("{\"event\":{\"textOutput\":{\"content\":\"{ \\\"interrupted\\\" : false }\"}}}");

        assertThat(words.content()).isEqualTo("Hello there");
        assertThat(words.role()).isEqualTo(Role.ASSISTANT);
        assertThat(words.isInterruption()).isFalse();
        assertThat(marker.isInterruption()).isTrue();
        assertThat(notMarker.isInterruption()).isFalse();
        assertThat(notMarker.role()).isNull();
    }

    @Test
    void audioOutputDecodesItsPcm() {
        OutputEvent.AudioOutput audio = (OutputEvent.AudioOutput) codec.decode(
                "{\"event\":{\"audioOutput\":{" + IDS + ",\"contentId\":\"a\",\"content\":\"AQD//w==\"}}}");

        assertThat(audio.pcm()).containsExactly(1, 0, -1, -1);
    }

    @Test
    void toolUseArgumentsFromSingleEncodedContent() {
        OutputEvent.ToolUse tool = toolUse("\"{\\\"city\\\":\\\"Seattle\\\",\\\"days\\\":3}\"");

        assertThat(tool.toolName()).isEqualTo("getWeather");
        assertThat(tool.toolUseId()).isEqualTo("u1");
        assertThat(tool.content()).isEqualTo("{\"city\":\"Seattle\",\"days\":3}");
        assertThat(tool.arguments()).isEqualTo(Map.of("city", "Seattle", "days", 3));
    }

    @Test
    void toolUseArgumentsFromDoubleEncodedContent() {
        // content is a JSON string whose text is itself a JSON string holding the object.
        OutputEvent.ToolUse tool = toolUse("\"\\\"{\\\\\\\"city\\\\\\\":\\\\\\\"Seattle\\\\\\\"}\\\"\"");

        assertThat(tool.content()).isEqualTo("\"{\\\"city\\\":\\\"Seattle\\\"}\"");
        assertThat(tool.arguments()).isEqualTo(Map.of("city", "Seattle"));
    }

    @Test
    void toolUseArgumentsToleratesAnObjectEmptyContentAndNonObjects() {
        assertThat(toolUse("{\"city\":\"Paris\"}").arguments()).isEqualTo(Map.of("city", "Paris"));
        assertThat(toolUse("{\"city\":\"Paris\"}").content()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(toolUse("\"\"").arguments()).isEmpty();
        assertThat(toolUse("\"not json\"").arguments()).isEmpty();
        assertThat(toolUse("\"[1,2]\"").arguments()).isEqualTo(Map.of("value", List.of(1, 2)));
    }

    @Test
    void toolUseWithoutIdIsAProtocolError() {
        assertThatThrownBy(() -> codec.decode("{\"event\":{\"toolUse\":{\"toolName\":\"x\",\"content\":\"{}\"}}}"))
                .isInstanceOf(NovaSonicProtocolException.class)
                .hasMessageContaining("toolUseId");
    }

    @Test
    void contentEndAndCompletionEndStopReasons() {
        OutputEvent.ContentEnd end = (OutputEvent.ContentEnd) codec.decode("{\"event\":{\"contentEnd\":{" + IDS
                + ",\"contentId\":\"x\",\"type\":\"AUDIO\",\"stopReason\":\"INTERRUPTED\"}}}");
        OutputEvent.CompletionEnd completion = (OutputEvent.CompletionEnd)
                codec.decode("{\"event\":{\"completionEnd\":{" + IDS + ",\"stopReason\":\"END_TURN\"}}}");

        assertThat(end.type()).isEqualTo(ContentType.AUDIO);
        assertThat(end.stopReason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(end.extra()).isEmpty();
        assertThat(completion.stopReason()).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void unknownStopReasonIsUnknownAndKeptInExtra() {
        OutputEvent.ContentEnd end = (OutputEvent.ContentEnd)
                codec.decode("{\"event\":{\"contentEnd\":{\"type\":\"TEXT\",\"stopReason\":\"MAX_TOKENS\"}}}");

        assertThat(end.stopReason()).isEqualTo(StopReason.UNKNOWN);
        assertThat(end.extra()).containsEntry("stopReason", "MAX_TOKENS");
    }

    @Test
    void usageEventDetails() {
        OutputEvent.UsageEvent usage = (OutputEvent.UsageEvent) codec.decode("{\"event\":{\"usageEvent\":{" + IDS
                + ",\"details\":{"
                + "\"delta\":{\"input\":{\"speechTokens\":5,\"textTokens\":1},\"output\":{\"speechTokens\":7,\"textTokens\":2}},"
                + "\"total\":{\"input\":{\"speechTokens\":50,\"textTokens\":181},\"output\":{\"speechTokens\":70,\"textTokens\":20}}},"
                + "\"totalInputTokens\":231,\"totalOutputTokens\":90,\"totalTokens\":321}}}");

        assertThat(usage.delta()).isEqualTo(new TokenUsage(new TokenCounts(5, 1), new TokenCounts(7, 2)));
        assertThat(usage.total()).isEqualTo(new TokenUsage(new TokenCounts(50, 181), new TokenCounts(70, 20)));
        assertThat(usage.totalInputTokens()).isEqualTo(231);
        assertThat(usage.totalOutputTokens()).isEqualTo(90);
        assertThat(usage.totalTokens()).isEqualTo(321);
        assertThat(usage.extra()).isEmpty();
    }

    @Test
    void unknownMembersAreKeptByDottedPath() {
        OutputEvent.UsageEvent usage = (OutputEvent.UsageEvent) codec.decode("{\"event\":{\"usageEvent\":{"
                + "\"details\":{\"delta\":{\"input\":{\"speechTokens\":1,\"imageTokens\":4}}},"
                + "\"totalTokens\":\"lots\",\"region\":{\"name\":\"us-east-1\"}}},\"trace\":\"t-1\"}");

        assertThat(usage.delta().input()).isEqualTo(new TokenCounts(1, 0));
        assertThat(usage.extra())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "details.delta.input.imageTokens",
                        4,
                        "totalTokens",
                        "lots",
                        "region",
                        Map.of("name", "us-east-1"),
                        NovaSonicCodec.ENVELOPE_PREFIX + "trace",
                        "t-1"));
    }

    @Test
    void unknownEventsKeepTheirRawJson() {
        String json = "{\"event\":{\"thinkingOutput\":{\"content\":\"hmm\"}}}";

        assertThat(codec.decode(json)).isEqualTo(new OutputEvent.Unknown("thinkingOutput", json));
        assertThat(codec.decode("{\"hello\":1}")).isEqualTo(new OutputEvent.Unknown("", "{\"hello\":1}"));
        assertThat(codec.decode("{\"event\":{\"a\":{},\"b\":{}}}").eventName()).isEqualTo("a");
        assertThat(codec.decode("{\"event\":{\"textOutput\":\"flat\"}}")).isInstanceOf(OutputEvent.Unknown.class);
    }

    @Test
    void malformedJsonIsAProtocolError() {
        assertThatThrownBy(() -> codec.decode("{\"event\":"))
                .isInstanceOf(NovaSonicProtocolException.class)
                .hasMessageContaining("Malformed");
    }

    private OutputEvent.ToolUse toolUse(String contentJson) {
        return (OutputEvent.ToolUse) codec.decode("{\"event\":{\"toolUse\":{" + IDS + ",\"contentId\":\"t\","
                + "\"toolName\":\"getWeather\",\"toolUseId\":\"u1\",\"content\":" + contentJson + "}}}");
    }
}
