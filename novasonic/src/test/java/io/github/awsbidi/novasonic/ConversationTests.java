package io.github.awsbidi.novasonic;

import static io.github.awsbidi.novasonic.Recorder.is;
import static io.github.awsbidi.novasonic.Recorder.transcript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.novasonic.event.GenerationStage;
import io.github.awsbidi.novasonic.event.Role;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class ConversationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private EmulatedNovaSonic nova;

    @AfterEach
    void stop() {
        if (nova != null) {
            nova.close();
        }
    }

    @Test
    void aTextTurnGivesTranscriptsSpeechUsageAndATurnEnd() {
        nova = EmulatedNovaSonic.start(options -> options);
        Conversation conversation =
                nova.novaSonic(NovaSonicSettings.defaults()).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);

        conversation.sendText("Hello there").block(TIMEOUT);

        await().atMost(TIMEOUT).until(() -> recorder.turnsDone(1));
        int user = recorder.indexOf(transcript(Role.USER, GenerationStage.FINAL, "Hello there"));
        int speculative =
                recorder.indexOf(transcript(Role.ASSISTANT, GenerationStage.SPECULATIVE, "You said: Hello there."));
        int audio = recorder.indexOf(is(ConversationEvent.AudioOut.class));
        int finalText = recorder.indexOf(transcript(Role.ASSISTANT, GenerationStage.FINAL, "You said: Hello there."));
        int turnEnd = recorder.indexOf(is(ConversationEvent.TurnEnd.class));
        assertThat(user).isNotNegative();
        assertThat(speculative).isGreaterThan(user);
        assertThat(audio).isGreaterThan(speculative);
        assertThat(finalText).isGreaterThan(audio);
        // The AUDIO contentEnd END_TURN ends the turn, ahead of the FINAL text of what was said.
        assertThat(turnEnd).isGreaterThan(audio).isLessThan(finalText);
        await().atMost(TIMEOUT).until(() -> recorder.has(is(ConversationEvent.Usage.class)));

        conversation.close().block(TIMEOUT);

        await().atMost(TIMEOUT).until(() -> recorder.completed);
        assertThat(recorder.events.get(recorder.events.size() - 1))
                .isEqualTo(new ConversationEvent.Closed("closed by the client", null));
        assertThat(recorder.count(ConversationEvent.TurnEnd.class)).isEqualTo(1);
        await().atMost(TIMEOUT).until(() -> nova.emulator.stats().streamsCompleted() == 1);
        assertThat(nova.emulator.stats().streamsResetByClient()).isZero();
    }

    @Test
    void anAudioTurnIsTranscribedAndAnswered() {
        nova = EmulatedNovaSonic.start(options -> options);
        Conversation conversation =
                nova.novaSonic(NovaSonicSettings.defaults()).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);

        send(conversation, Speech.concat(Speech.silence(0.3), Speech.speech(1.0), Speech.silence(1.0)));

        await().atMost(TIMEOUT).until(() -> recorder.turnsDone(1));
        assertThat(recorder.finalTexts(Role.USER)).containsExactly("heard 1.0 seconds of speech");
        assertThat(recorder.finalTexts(Role.ASSISTANT)).containsExactly("You said: heard 1.0 seconds of speech.");
        assertThat(recorder.count(ConversationEvent.AudioOut.class)).isPositive();
        conversation.close().block(TIMEOUT);
    }

    @Test
    void bargeInGivesExactlyOneInterruptedAndNoAudioAfterIt() {
        // Real time, so that the assistant is still speaking when the user talks over it.
        nova = EmulatedNovaSonic.start(options -> options.timeScale(1.0).responseDelay(Duration.ofMillis(10)));
        Conversation conversation =
                nova.novaSonic(NovaSonicSettings.defaults()).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);
        conversation.sendText("Please tell me a long story about the sea").block(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> recorder.has(is(ConversationEvent.AudioOut.class)));

        send(conversation, Speech.speech(0.3));

        await().atMost(TIMEOUT).until(() -> recorder.has(is(ConversationEvent.Interrupted.class)));
        int interrupted = recorder.indexOf(is(ConversationEvent.Interrupted.class));
        // The service's report of the interrupted turn ends with its usage, after all three signals.
        await().atMost(TIMEOUT)
                .until(() -> recorder.from(interrupted).stream().anyMatch(ConversationEvent.Usage.class::isInstance));
        assertThat(recorder.count(ConversationEvent.Interrupted.class)).isEqualTo(1);
        assertThat(recorder.from(interrupted))
                .noneMatch(ConversationEvent.AudioOut.class::isInstance)
                .noneMatch(ConversationEvent.TurnEnd.class::isInstance);
        assertThat(recorder.finalTexts(Role.ASSISTANT)).noneMatch(text -> text.contains("interrupted"));
        conversation.close().block(TIMEOUT);
    }

    @Test
    void closeSendsTheClosingSequenceAndEndsTheEvents() {
        nova = EmulatedNovaSonic.start(options -> options);
        Conversation conversation =
                nova.novaSonic(NovaSonicSettings.defaults()).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);
        send(conversation, Speech.silence(0.2));

        conversation.close().block(TIMEOUT);
        conversation.close().block(TIMEOUT);

        assertThat(recorder.events).containsExactly(new ConversationEvent.Closed("closed by the client", null));
        assertThat(recorder.completed).isTrue();
        // The emulator rejects a stream that ends without audio contentEnd, promptEnd and sessionEnd.
        await().atMost(TIMEOUT).until(() -> nova.emulator.stats().streamsCompleted() == 1);
        assertThat(nova.emulator.stats().streamsResetByClient()).isZero();
        assertThatThrownBy(() -> conversation.sendText("too late").block(TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void novaSonicNeedsABedrockSession() {
        nova = EmulatedNovaSonic.start(options -> options);

        NovaSonic sonic = NovaSonic.create(nova.session);

        assertThat(sonic.settings()).isEqualTo(NovaSonicSettings.defaults());
        assertThat(sonic.session()).isSameAs(nova.session);
    }

    static void send(Conversation conversation, byte[] pcm) {
        Flux.fromIterable(Speech.pieces(pcm)).concatMap(conversation::sendAudio).blockLast(TIMEOUT);
    }
}
