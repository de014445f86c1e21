package io.github.awsbidi.sample.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.event.GenerationStage;
import io.github.awsbidi.novasonic.event.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's voice agent, against the embedded emulator's scripted Nova Sonic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class VoiceAgentTests {

    @Autowired
    private VoiceAgent agent;

    @Test
    void aQuestionAboutTheWeatherCallsTheToolAndTheAnswerUsesItsResult() {
        List<ConversationEvent> events = agent.ask("What is the weather in Seattle?")
                // The FINAL text of what the assistant said follows its TurnEnd (the AUDIO contentEnd END_TURN).
                .takeUntil(event -> event instanceof ConversationEvent.Transcript transcript
                        && transcript.role() == Role.ASSISTANT
                        && transcript.stage() == GenerationStage.FINAL)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(events)
                .filteredOn(ConversationEvent.ToolCall.class::isInstance)
                .singleElement()
                .extracting(event -> ((ConversationEvent.ToolCall) event).name())
                .isEqualTo("getWeather");
        assertThat(events)
                .filteredOn(ConversationEvent.Transcript.class::isInstance)
                .map(ConversationEvent.Transcript.class::cast)
                .filteredOn(transcript ->
                        transcript.role() == Role.ASSISTANT && transcript.stage() == GenerationStage.FINAL)
                .singleElement()
                .extracting(ConversationEvent.Transcript::text)
                .asString()
                .contains("21");
        assertThat(events).anyMatch(ConversationEvent.AudioOut.class::isInstance);
    }
}
