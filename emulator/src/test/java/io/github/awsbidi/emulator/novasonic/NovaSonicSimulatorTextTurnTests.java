package io.github.awsbidi.emulator.novasonic;

import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.opening;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.sessionEnd;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NovaSonicSimulatorTextTurnTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimulatorHarness harness = new SimulatorHarness(TestOptions.scaled(0.01));

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void aSpeechPromptAfterTheSystemPromptIsAccepted() {
        harness.send(opening());
        harness.send(text("speech-1", "SYSTEM_SPEECH", false, "Speak warmly."));
        harness.send(text("user-1", "USER", true, "Hello there"));
        harness.awaitEvents("completionEnd", 1);

        assertThat(harness.sink.ending()).isNull();
        assertThat(harness.sink.summary()).contains("textOutput ASSISTANT: You said: Hello there.");
    }

    @Test
    void interactiveTextTurnIsAnsweredInTheServicesEventOrder() {
        harness.send(opening());
        harness.send(text("user-1", "USER", true, "Hello there"));
        harness.awaitEvents("completionEnd", 1);

        assertThat(harness.sink.summary())
                .containsExactly(
                        "completionStart",
                        "contentStart TEXT USER FINAL",
                        "textOutput USER: Hello there",
                        "contentEnd TEXT END_TURN",
                        "contentStart TEXT ASSISTANT SPECULATIVE",
                        "textOutput ASSISTANT: You said: Hello there.",
                        "contentEnd TEXT PARTIAL_TURN",
                        "contentStart AUDIO ASSISTANT",
                        "audioOutput*",
                        "contentEnd AUDIO END_TURN",
                        "contentStart TEXT ASSISTANT FINAL",
                        "textOutput ASSISTANT: You said: Hello there.",
                        "contentEnd TEXT END_TURN",
                        "usageEvent",
                        "completionEnd END_TURN");
    }

    @Test
    void everyOutputEventCarriesTheSessionPromptAndCompletionIds() {
        harness.send(opening());
        harness.send(text("user-1", "USER", true, "Hello there"));
        harness.awaitEvents("completionEnd", 1);

        List<CollectingSink.Event> events = harness.sink.events();
        String sessionId = events.get(0).text("sessionId");
        String completionId = events.get(0).text("completionId");
        assertThat(sessionId).isNotBlank();
        assertThat(completionId).isNotBlank();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.text("sessionId")).isEqualTo(sessionId);
            assertThat(event.text("promptName")).isEqualTo(NovaSonicInputs.PROMPT);
            assertThat(event.text("completionId")).isEqualTo(completionId);
        });
        assertThat(events)
                .filteredOn(e -> e.name().startsWith("content") || e.name().endsWith("Output"))
                .allSatisfy(event -> assertThat(event.text("contentId")).isNotBlank());
        Set<String> contentIds = harness.sink.events("contentStart").stream()
                .map(e -> e.text("contentId"))
                .collect(Collectors.toSet());
        assertThat(contentIds).hasSize(4);
        assertThat(harness.sink.events("contentEnd"))
                .extracting(e -> e.text("contentId"))
                .containsExactlyInAnyOrderElementsOf(contentIds);
    }

    @Test
    void contentStartCarriesAdditionalModelFieldsAsAJsonString() {
        harness.send(opening());
        harness.send(text("user-1", "USER", true, "Hello there"));
        harness.awaitEvents("completionEnd", 1);

        List<CollectingSink.Event> textStarts = harness.sink.events("contentStart").stream()
                .filter(e -> e.text("type").equals("TEXT"))
                .toList();
        assertThat(textStarts).hasSize(3).allSatisfy(event -> {
            JsonNode fields = event.body().get("additionalModelFields");
            assertThat(fields.isString())
                    .as("additionalModelFields is a JSON string")
                    .isTrue();
            assertThat(JSON.readTree(fields.stringValue())
                            .path("generationStage")
                            .asString())
                    .isIn("SPECULATIVE", "FINAL");
            assertThat(event.body()
                            .path("textOutputConfiguration")
                            .path("mediaType")
                            .asString())
                    .isEqualTo("text/plain");
        });
        CollectingSink.Event audioStart = harness.sink.events("contentStart").stream()
                .filter(e -> e.text("type").equals("AUDIO"))
                .findFirst()
                .orElseThrow();
        JsonNode audioConfig = audioStart.body().path("audioOutputConfiguration");
        assertThat(audioConfig.path("mediaType").asString()).isEqualTo("audio/lpcm");
        assertThat(audioConfig.path("sampleRateHertz").asInt()).isEqualTo(24000);
        assertThat(audioConfig.path("sampleSizeBits").asInt()).isEqualTo(16);
        assertThat(audioConfig.path("channelCount").asInt()).isEqualTo(1);
        assertThat(audioConfig.path("encoding").asString()).isEqualTo("base64");
    }

    @Test
    void usageTotalsAccumulateAcrossTurnsAndDeltasAddUpToThem() {
        harness.send(opening());
        harness.send(text("user-1", "USER", true, "Hello there"));
        harness.awaitEvents("completionEnd", 1);
        harness.send(text("user-2", "USER", true, "And a second, somewhat longer question"));
        harness.awaitEvents("completionEnd", 2);

        List<CollectingSink.Event> usage = harness.sink.events("usageEvent");
        assertThat(usage).hasSize(2);
        JsonNode first = usage.get(0).body();
        JsonNode second = usage.get(1).body();
        for (String direction : List.of("input", "output")) {
            for (String kind : List.of("speechTokens", "textTokens")) {
                long delta1 = first.path("details")
                        .path("delta")
                        .path(direction)
                        .path(kind)
                        .asLong();
                long delta2 = second.path("details")
                        .path("delta")
                        .path(direction)
                        .path(kind)
                        .asLong();
                long total2 = second.path("details")
                        .path("total")
                        .path(direction)
                        .path(kind)
                        .asLong();
                assertThat(delta1 + delta2).as("%s %s", direction, kind).isEqualTo(total2);
            }
        }
        assertThat(first.path("details")
                        .path("delta")
                        .path("input")
                        .path("textTokens")
                        .asLong())
                .isPositive();
        assertThat(first.path("details")
                        .path("delta")
                        .path("output")
                        .path("speechTokens")
                        .asLong())
                .isPositive();
        assertThat(second.path("totalTokens").asLong())
                .isGreaterThan(first.path("totalTokens").asLong())
                .isEqualTo(second.path("totalInputTokens").asLong()
                        + second.path("totalOutputTokens").asLong());
    }

    @Test
    void sessionEndCompletesTheStreamAfterTheTurnInFlight() {
        harness.send(opening());
        harness.send(text("user-1", "USER", true, "Hello there"));
        harness.send(NovaSonicInputs.promptEnd(), sessionEnd());

        CollectingSink.Ending ending = harness.awaitEnding();
        assertThat(ending.kind()).isEqualTo("complete");
        assertThat(harness.sink.summary()).last().isEqualTo("completionEnd END_TURN");
    }

    @Test
    void sessionEndWithoutATurnCompletesAtOnce() {
        harness.send(opening());
        harness.send(NovaSonicInputs.promptEnd(), sessionEnd());

        assertThat(harness.sink.ending())
                .isNotNull()
                .extracting(CollectingSink.Ending::kind)
                .isEqualTo("complete");
        assertThat(harness.sink.events()).isEmpty();
    }

    @Test
    void halfCloseWithoutSessionEndCompletesAfterTheTurnInFlight() {
        harness.send(opening());
        harness.send(text("user-1", "USER", true, "Hello there"));
        harness.inputComplete();

        assertThat(harness.awaitEnding().kind()).isEqualTo("complete");
        assertThat(harness.sink.summary()).last().isEqualTo("completionEnd END_TURN");
    }

    @Test
    void textSentWhileTheAssistantAnswersIsAnsweredNext() {
        harness.send(opening());
        harness.send(text("user-1", "USER", true, "First"));
        harness.send(text("user-2", "USER", true, "Second"));
        harness.awaitEvents("completionEnd", 2);

        assertThat(harness.sink.events("textOutput"))
                .filteredOn(e -> e.text("role").equals("USER"))
                .extracting(e -> e.text("content"))
                .containsExactly("First", "Second");
        assertThat(harness.sink.events("completionStart"))
                .extracting(e -> e.text("completionId"))
                .doesNotHaveDuplicates();
    }

    @Test
    void historyIsAcceptedBeforeTheLiveTurn() {
        harness.send(opening());
        harness.send(text("h1", "USER", false, "Earlier question"));
        harness.send(text("h2", "ASSISTANT", false, "Earlier answer"));
        harness.send(text("user-1", "USER", true, "Now"));
        harness.awaitEvents("completionEnd", 1);

        assertThat(harness.sink.events("textOutput"))
                .filteredOn(e -> e.text("role").equals("USER"))
                .extracting(e -> e.text("content"))
                .containsExactly("Now");
    }
}
