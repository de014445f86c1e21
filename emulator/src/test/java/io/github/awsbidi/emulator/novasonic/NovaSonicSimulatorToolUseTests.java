package io.github.awsbidi.emulator.novasonic;

import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.opening;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.text;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.toolResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NovaSonicSimulatorToolUseTests {

    private SimulatorHarness harness = new SimulatorHarness(TestOptions.scaled(0.01));

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void triggerWordCallsTheDeclaredToolAndWaitsForItsResult() {
        harness.send(opening("getWeather"));
        harness.send(text("user-1", "USER", true, "What's the weather in Seattle?"));
        harness.awaitEvents("toolUse", 1);
        harness.letTimePass(Duration.ofMillis(50));

        assertThat(harness.sink.summary())
                .containsExactly(
                        "completionStart",
                        "contentStart TEXT USER FINAL",
                        "textOutput USER: What's the weather in Seattle?",
                        "contentEnd TEXT END_TURN",
                        "contentStart TOOL TOOL",
                        "toolUse getWeather {\"location\":\"Seattle\"}",
                        "contentEnd TOOL TOOL_USE");
        CollectingSink.Event toolStart = harness.sink.events("contentStart").get(1);
        assertThat(toolStart
                        .body()
                        .path("toolUseOutputConfiguration")
                        .path("mediaType")
                        .asString())
                .isEqualTo("application/json");
        CollectingSink.Event toolUse = harness.sink.events("toolUse").get(0);
        assertThat(toolUse.text("toolUseId")).isNotBlank();
        assertThat(toolUse.text("contentId")).isEqualTo(toolStart.text("contentId"));
    }

    @Test
    void theAnswerUsesTheToolResult() {
        harness.send(opening("getWeather"));
        harness.send(text("user-1", "USER", true, "What's the weather in Seattle?"));
        harness.awaitEvents("toolUse", 1);
        String toolUseId = harness.sink.events("toolUse").get(0).text("toolUseId");
        harness.send(toolResult("result-1", toolUseId, "{\"temp\":21}"));
        harness.awaitEvents("completionEnd", 1);

        List<String> summary = harness.sink.summary();
        assertThat(summary.subList(7, summary.size()))
                .containsExactly(
                        "contentStart TEXT ASSISTANT SPECULATIVE",
                        "textOutput ASSISTANT: The getWeather tool says: {\"temp\":21}",
                        "contentEnd TEXT PARTIAL_TURN",
                        "contentStart AUDIO ASSISTANT",
                        "audioOutput*",
                        "contentEnd AUDIO END_TURN",
                        "contentStart TEXT ASSISTANT FINAL",
                        "textOutput ASSISTANT: The getWeather tool says: {\"temp\":21}",
                        "contentEnd TEXT END_TURN",
                        "usageEvent",
                        "completionEnd END_TURN");
        assertThat(harness.sink.events("completionStart")).hasSize(1);
    }

    @Test
    void aTriggerWhoseToolIsNotDeclaredIsAnsweredWithoutATool() {
        harness.send(opening("getTime"));
        harness.send(text("user-1", "USER", true, "What's the weather in Seattle?"));
        harness.awaitEvents("completionEnd", 1);

        assertThat(harness.sink.events("toolUse")).isEmpty();
        assertThat(harness.sink.summary()).contains("textOutput ASSISTANT: You said: What's the weather in Seattle.");
    }

    @Test
    void customTriggersMatchCaseInsensitively() {
        harness.close();
        harness = new SimulatorHarness(TestOptions.scaled(0.01).toBuilder()
                .toolTriggers(Map.of("time", "getTime"))
                .build());
        harness.send(opening("getTime", "getWeather"));
        harness.send(text("user-1", "USER", true, "What TIME is it in Tokyo?"));
        harness.awaitEvents("toolUse", 1);

        CollectingSink.Event toolUse = harness.sink.events("toolUse").get(0);
        assertThat(toolUse.text("toolName")).isEqualTo("getTime");
        assertThat(toolUse.text("content")).isEqualTo("{\"location\":\"Tokyo\"}");
    }

    @Test
    void aSecondResultForTheSameToolUseIsRejected() {
        harness.send(opening("getWeather"));
        harness.send(text("user-1", "USER", true, "What's the weather in Seattle?"));
        harness.awaitEvents("toolUse", 1);
        String toolUseId = harness.sink.events("toolUse").get(0).text("toolUseId");
        harness.send(toolResult("result-1", toolUseId, "{\"temp\":21}"));
        harness.send(toolResult("result-2", toolUseId, "{\"temp\":22}"));

        assertThat(harness.awaitFailure("validationException").message())
                .contains("toolUseId \"" + toolUseId + "\" does not match any toolUse awaiting a result");
    }

    @Test
    void aToolResultThatIsNotJsonIsRejected() {
        harness.send(opening("getWeather"));
        harness.send(text("user-1", "USER", true, "What's the weather in Seattle?"));
        harness.awaitEvents("toolUse", 1);
        String toolUseId = harness.sink.events("toolUse").get(0).text("toolUseId");
        harness.send(toolResult("result-1", toolUseId, "sunny, 21 degrees"));

        assertThat(harness.awaitFailure("validationException").message()).contains("Tool Response parsing error");
    }

    @Test
    void sessionEndWhileAToolResultIsAwaitedCompletesTheStream() {
        harness.send(opening("getWeather"));
        harness.send(text("user-1", "USER", true, "What's the weather in Seattle?"));
        harness.awaitEvents("toolUse", 1);
        harness.send(NovaSonicInputs.promptEnd(), NovaSonicInputs.sessionEnd());

        assertThat(harness.awaitEnding().kind()).isEqualTo("complete");
        assertThat(harness.sink.summary()).last().isEqualTo("contentEnd TOOL TOOL_USE");
    }
}
