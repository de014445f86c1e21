package io.github.awsbidi.sample.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.event.GenerationStage;
import io.github.awsbidi.novasonic.event.Role;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TurnLatencyTests {

    private final AtomicLong now = new AtomicLong();

    private final TurnLatency latency = new TurnLatency(now::get);

    @Test
    void measuresFromTheUsersFinalTranscriptToTheFirstChunkOfTheAnswer() {
        at(1_000, userFinal());
        at(1_100, new ConversationEvent.Transcript(Role.ASSISTANT, "Hi.", GenerationStage.SPECULATIVE));
        assertThat(at(1_250, audio())).hasValue(250);
        assertThat(at(1_330, audio())).as("later chunks of the same answer").isEmpty();
    }

    @Test
    void theServicesSpeechEndStartsTheClockWhenItComesFirst() {
        at(500, new ConversationEvent.UserSpeechEnded(4_000L));
        at(900, userFinal());
        assertThat(at(1_000, audio())).hasValue(500);
    }

    @Test
    void audioWithNoUserTurnBeforeItIsNotMeasured() {
        assertThat(at(100, audio())).isEmpty();
    }

    @Test
    void aBargeInForgetsATurnThatGotNoAudio() {
        at(100, userFinal());
        at(200, new ConversationEvent.Interrupted());
        assertThat(at(900, audio())).isEmpty();
    }

    private OptionalLong at(long millis, ConversationEvent event) {
        now.set(millis * 1_000_000);
        return latency.accept(event);
    }

    private static ConversationEvent userFinal() {
        return new ConversationEvent.Transcript(Role.USER, "hello", GenerationStage.FINAL);
    }

    private static ConversationEvent audio() {
        return new ConversationEvent.AudioOut(new byte[960]);
    }
}
