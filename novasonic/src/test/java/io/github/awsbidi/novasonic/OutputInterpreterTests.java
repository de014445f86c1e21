package io.github.awsbidi.novasonic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.novasonic.event.GenerationStage;
import io.github.awsbidi.novasonic.event.NovaSonicCodec;
import io.github.awsbidi.novasonic.event.Role;
import io.github.awsbidi.novasonic.event.TokenCounts;
import io.github.awsbidi.novasonic.event.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputInterpreterTests {

    private final NovaSonicCodec codec = new NovaSonicCodec();
    private final OutputInterpreter interpreter = new OutputInterpreter();
    private final List<ConversationEvent> events = new ArrayList<>();
    private final List<Boolean> boundaries = new ArrayList<>();

    @Test
    void aTurnGivesTranscriptsWithTheirStageAudioUsageAndOneTurnEnd() {
        feed(
                completionStart(),
                contentStart("u", "TEXT", "USER", "FINAL"),
                text("u", "USER", "Hello"),
                contentEnd("u", "TEXT", "END_TURN"),
                contentStart("s", "TEXT", "ASSISTANT", "SPECULATIVE"),
                text("s", "ASSISTANT", "Hi there."),
                contentEnd("s", "TEXT", "PARTIAL_TURN"),
                contentStart("a", "AUDIO", "ASSISTANT", null),
                audio("a"),
                contentEnd("a", "AUDIO", "END_TURN"),
                contentStart("f", "TEXT", "ASSISTANT", "FINAL"),
                text("f", "ASSISTANT", "Hi there."),
                contentEnd("f", "TEXT", "END_TURN"),
                usage(),
                completionEnd("END_TURN"));

        assertThat(events)
                .containsExactly(
                        new ConversationEvent.Transcript(Role.USER, "Hello", GenerationStage.FINAL),
                        new ConversationEvent.Transcript(Role.ASSISTANT, "Hi there.", GenerationStage.SPECULATIVE),
                        events.get(2),
                        // The AUDIO contentEnd END_TURN ends the turn; the FINAL text of what was said follows.
                        new ConversationEvent.TurnEnd(),
                        new ConversationEvent.Transcript(Role.ASSISTANT, "Hi there.", GenerationStage.FINAL),
                        new ConversationEvent.Usage(new TokenUsage(new TokenCounts(1, 2), new TokenCounts(3, 4))));
        assertThat(events.get(2))
                .isInstanceOfSatisfying(
                        ConversationEvent.AudioOut.class,
                        out -> assertThat(out.pcm()).containsExactly(1, 0));
        assertThat(interpreter.assistantBusy()).isFalse();
    }

    @Test
    void theAudioEndTurnEndsTheTurnButTheBoundaryWaitsForTheFinalText() {
        feed(
                completionStart(),
                contentStart("a", "AUDIO", "ASSISTANT", null),
                audio("a"),
                contentEnd("a", "AUDIO", "END_TURN"));
        assertThat(events).last().isEqualTo(new ConversationEvent.TurnEnd());
        assertThat(boundaries).doesNotContain(true);
        assertThat(interpreter.assistantBusy()).isTrue();

        feed(
                contentStart("f", "TEXT", "ASSISTANT", "FINAL"),
                text("f", "ASSISTANT", "Said."),
                contentEnd("f", "TEXT", "END_TURN"),
                completionEnd("END_TURN"));

        assertThat(events)
                .filteredOn(e -> e instanceof ConversationEvent.TurnEnd)
                .hasSize(1);
        assertThat(boundaries).endsWith(true);
        assertThat(interpreter.assistantBusy()).isFalse();
    }

    @Test
    void userSpeechEdgesAreSurfacedWithTheirOffsets() {
        feed(
                "{\"event\":{\"userSpeechStart\":{\"inputAudioOffsetMs\":1200}}}",
                "{\"event\":{\"userSpeechEnd\":{\"sessionId\":\"s\"}}}");

        assertThat(events)
                .containsExactly(
                        new ConversationEvent.UserSpeechStarted(1200L), new ConversationEvent.UserSpeechEnded(null));
    }

    @Test
    void assistantIsBusyFromItsFirstContentUntilTheTurnEnds() {
        feed(completionStart(), contentStart("s", "TEXT", "ASSISTANT", "SPECULATIVE"));
        assertThat(interpreter.assistantBusy()).isTrue();

        feed(
                contentStart("f", "TEXT", "ASSISTANT", "FINAL"),
                text("f", "ASSISTANT", "Done."),
                contentEnd("f", "TEXT", "END_TURN"));

        assertThat(interpreter.assistantBusy()).isFalse();
        assertThat(boundaries).endsWith(true);
    }

    @Test
    void partialTurnsDoNotEndTheTurnAndCompletionEndDoesWhenNothingElseDid() {
        feed(
                completionStart(),
                contentStart("f", "TEXT", "ASSISTANT", "FINAL"),
                text("f", "ASSISTANT", "One."),
                contentEnd("f", "TEXT", "PARTIAL_TURN"));
        assertThat(events).noneMatch(e -> e instanceof ConversationEvent.TurnEnd);

        feed(completionEnd("END_TURN"));

        assertThat(events)
                .filteredOn(e -> e instanceof ConversationEvent.TurnEnd)
                .hasSize(1);
    }

    @Test
    void allThreeBargeInSignalsGiveOneInterruptedAndTrailingAudioIsDropped() {
        feed(
                completionStart(),
                contentStart("a", "AUDIO", "ASSISTANT", null),
                audio("a"),
                contentEnd("a", "AUDIO", "INTERRUPTED"),
                audio("a"),
                contentStart("f", "TEXT", "ASSISTANT", "FINAL"),
                text("f", "ASSISTANT", "{ \"interrupted\" : true }"),
                contentEnd("f", "TEXT", "INTERRUPTED"),
                completionEnd("INTERRUPTED"));

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(ConversationEvent.AudioOut.class);
        assertThat(events.get(1)).isEqualTo(new ConversationEvent.Interrupted());
        assertThat(boundaries).contains(true);
    }

    @Test
    void anyOneSignalAloneIsAnInterruption() {
        for (String[] signal : List.of(
                new String[] {text("f", "ASSISTANT", "{\"interrupted\":true}")},
                new String[] {contentEnd("f", "TEXT", "INTERRUPTED")},
                new String[] {contentEnd("a", "AUDIO", "INTERRUPTED")})) {
            OutputInterpreter fresh = new OutputInterpreter();
            List<ConversationEvent> seen = new ArrayList<>();
            for (String json : List.of(
                    completionStart(),
                    contentStart("a", "AUDIO", "ASSISTANT", null),
                    contentStart("f", "TEXT", "ASSISTANT", "FINAL"),
                    signal[0])) {
                seen.addAll(fresh.accept(codec.decode(json)).events());
            }
            assertThat(seen).containsExactly(new ConversationEvent.Interrupted());
        }
    }

    @Test
    void aLaterBargeInOnNewSpeechIsReportedAgain() {
        feed(
                completionStart(),
                contentStart("a1", "AUDIO", "ASSISTANT", null),
                contentEnd("a1", "AUDIO", "INTERRUPTED"),
                text("x", "ASSISTANT", "{ \"interrupted\" : true }"),
                contentStart("a2", "AUDIO", "ASSISTANT", null),
                contentEnd("a2", "AUDIO", "INTERRUPTED"));

        assertThat(events)
                .filteredOn(e -> e instanceof ConversationEvent.Interrupted)
                .hasSize(2);
    }

    @Test
    void toolUseBecomesAToolCallWithParsedArguments() {
        feed(
                completionStart(),
                "{\"event\":{\"toolUse\":{\"contentId\":\"t\",\"toolName\":\"getWeather\","
                        + "\"toolUseId\":\"id-1\",\"content\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}}");

        assertThat(events)
                .containsExactly(new ConversationEvent.ToolCall("getWeather", "id-1", Map.of("city", "Paris")));
        assertThat(interpreter.assistantBusy()).isTrue();
    }

    @Test
    void textWithoutAKnownBlockFallsBackToItsOwnRoleAndFinal() {
        feed(text("nowhere", "USER", "hello"));

        assertThat(events).containsExactly(new ConversationEvent.Transcript(Role.USER, "hello", GenerationStage.FINAL));
    }

    private void feed(String... jsons) {
        for (String json : jsons) {
            OutputInterpreter.Interpretation meaning = interpreter.accept(codec.decode(json));
            events.addAll(meaning.events());
            boundaries.add(meaning.boundary());
        }
    }

    private static String completionStart() {
        return "{\"event\":{\"completionStart\":{\"sessionId\":\"s\",\"promptName\":\"p\",\"completionId\":\"c\"}}}";
    }

    private static String completionEnd(String stopReason) {
        return "{\"event\":{\"completionEnd\":{\"completionId\":\"c\",\"stopReason\":\"" + stopReason + "\"}}}";
    }

    private static String contentStart(String id, String type, String role, String stage) {
        String fields =
                stage == null ? "" : ",\"additionalModelFields\":\"{\\\"generationStage\\\":\\\"" + stage + "\\\"}\"";
        return "{\"event\":{\"contentStart\":{\"contentId\":\"" + id + "\",\"type\":\"" + type + "\",\"role\":\"" + role
                + "\"" + fields + "}}}";
    }

    private static String text(String id, String role, String content) {
        return "{\"event\":{\"textOutput\":{\"contentId\":\"" + id + "\",\"role\":\"" + role + "\",\"content\":"
                + quote(content) + "}}}";
    }

    private static String audio(String id) {
        return "{\"event\":{\"audioOutput\":{\"contentId\":\"" + id + "\",\"content\":\"AQA=\"}}}";
    }

    private static String contentEnd(String id, String type, String stopReason) {
        return "{\"event\":{\"contentEnd\":{\"contentId\":\"" + id + "\",\"type\":\"" + type + "\",\"stopReason\":\""
                + stopReason + "\"}}}";
    }

    private static String usage() {
        return "{\"event\":{\"usageEvent\":{\"details\":{\"delta\":{\"input\":{\"speechTokens\":1,\"textTokens\":2},"
                + "\"output\":{\"speechTokens\":3,\"textTokens\":4}}}}}}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
