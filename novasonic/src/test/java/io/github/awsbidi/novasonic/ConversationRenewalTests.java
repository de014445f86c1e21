package io.github.awsbidi.novasonic;

import static io.github.awsbidi.novasonic.ConversationTests.send;
import static io.github.awsbidi.novasonic.Recorder.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.novasonic.event.GenerationStage;
import io.github.awsbidi.novasonic.event.Role;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversationRenewalTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private EmulatedNovaSonic nova;

    @AfterEach
    void stop() {
        if (nova != null) {
            nova.close();
        }
    }

    @Test
    void renewsBeforeTheSessionLimitWithoutLosingUserAudioAndTheTranscriptContinues() {
        // The 8-minute limit scaled to 8 s; renewal from 1.5 s.
        nova = EmulatedNovaSonic.start(options -> options.timeScale(1.0)
                .sessionLimit(Duration.ofSeconds(8))
                .responseDelay(Duration.ofMillis(10))
                .speechPerCharacter(Duration.ofMillis(5)));
        NovaSonicSettings settings = NovaSonicSettings.builder()
                .renewal(new NovaSonicSettings.Renewal(
                        true,
                        Duration.ofMillis(1500),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(30)))
                // The test sends audio in bursts with pauses of more than a second; keep-alive would fill them
                // with silence and lengthen the utterance it measures.
                .keepAlive(NovaSonicSettings.KeepAlive.disabled())
                .build();
        Conversation conversation = nova.novaSonic(settings).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);
        conversation.sendText("Remember the word pineapple").block(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> recorder.turnsDone(1));

        // The user starts an utterance on the first stream and is still speaking when it is replaced.
        send(conversation, Speech.concat(Speech.silence(0.2), Speech.speech(0.6)));
        await().atMost(TIMEOUT).until(() -> recorder.has(is(ConversationEvent.Renewed.class)));
        send(conversation, Speech.concat(Speech.speech(0.6), Speech.silence(1.0)));

        await().atMost(TIMEOUT).until(() -> recorder.turnsDone(2));
        int renewed = recorder.indexOf(is(ConversationEvent.Renewed.class));
        assertThat(((ConversationEvent.Renewed) recorder.events.get(renewed)).reason())
                .startsWith("session renewal");
        // The whole 1.2 s utterance reached the new stream: the part sent before the hand-off was replayed.
        assertThat(recorder.finalTexts(Role.USER))
                .containsExactly("Remember the word pineapple", "heard 1.2 seconds of speech");
        assertThat(recorder.finalTexts(Role.ASSISTANT))
                .containsExactly("You said: Remember the word pineapple.", "You said: heard 1.2 seconds of speech.");
        assertThat(recorder.indexOf(
                        Recorder.transcript(Role.USER, GenerationStage.FINAL, "heard 1.2 seconds of speech")))
                .isGreaterThan(renewed);
        assertThat(recorder.count(ConversationEvent.Closed.class)).isZero();

        // Replaced streams are closed: only the current one (and perhaps a pre-opened next) stay open.
        await().atMost(TIMEOUT).until(() -> nova.emulator.stats().activeStreams() <= 2);
        conversation.sendText("Still there?").block(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> recorder.turnsDone(3));
        assertThat(recorder.finalTexts(Role.ASSISTANT)).endsWith("You said: Still there.");
        conversation.close().block(TIMEOUT);
        // Later streams renew too (same threshold), always at a boundary: none was a recovery.
        assertThat(recorder.events)
                .filteredOn(is(ConversationEvent.Renewed.class))
                .allSatisfy(event ->
                        assertThat(((ConversationEvent.Renewed) event).reason()).startsWith("session renewal"));
    }

    @Test
    void aRenewalWaitsForTheTurnBoundaryThenCarriesTheHistory() {
        nova = EmulatedNovaSonic.start(options ->
                options.timeScale(1.0).responseDelay(Duration.ofMillis(10)).speechPerCharacter(Duration.ofMillis(40)));
        NovaSonicSettings settings = NovaSonicSettings.builder()
                .renewal(new NovaSonicSettings.Renewal(
                        true,
                        Duration.ofMillis(200),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(30)))
                .build();
        Conversation conversation = nova.novaSonic(settings).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);

        // The answer takes about 1.5 s to speak, well past the 200 ms threshold.
        conversation.sendText("Tell me something about the moon").block(TIMEOUT);

        await().atMost(TIMEOUT).until(() -> recorder.has(is(ConversationEvent.Renewed.class)));
        assertThat(recorder.before(is(ConversationEvent.Renewed.class))).anyMatch(is(ConversationEvent.TurnEnd.class));
        conversation.sendText("And the sun?").block(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> recorder.finalTexts(Role.ASSISTANT).contains("You said: And the sun."));
        conversation.close().block(TIMEOUT);
    }

    @Test
    void aPreOpenedStreamThatWaitsTooLongIsReplacedByAFreshOne() {
        nova = EmulatedNovaSonic.start(options ->
                options.timeScale(1.0).responseDelay(Duration.ofMillis(10)).speechPerCharacter(Duration.ofMillis(60)));
        NovaSonicSettings settings = NovaSonicSettings.builder()
                .renewal(new NovaSonicSettings.Renewal(
                        true,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(3),
                        Duration.ofMillis(300)))
                .build();
        Conversation conversation = nova.novaSonic(settings).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);

        // About 2.5 s of speech: the stream pre-opened at 100 ms waits past its 300 ms limit.
        conversation.sendText("Tell me a story about a lighthouse keeper").block(TIMEOUT);

        await().atMost(TIMEOUT).until(() -> recorder.has(is(ConversationEvent.Renewed.class)));
        assertThat(recorder.before(is(ConversationEvent.Renewed.class))).anyMatch(is(ConversationEvent.TurnEnd.class));
        assertThat(nova.emulator.stats().streamsOpened()).isGreaterThanOrEqualTo(4);
        conversation.close().block(TIMEOUT);
    }
}
