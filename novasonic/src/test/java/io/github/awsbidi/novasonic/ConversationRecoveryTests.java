package io.github.awsbidi.novasonic;

import static io.github.awsbidi.novasonic.ConversationTests.send;
import static io.github.awsbidi.novasonic.Recorder.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.novasonic.event.Role;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversationRecoveryTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private EmulatedNovaSonic nova;

    @AfterEach
    void stop() {
        if (nova != null) {
            nova.close();
        }
    }

    @Test
    void recoversFromSystemInstabilityWithHistoryAndTheRecentAudio() {
        // The first stream fails after 30 input events; streams opened later are stable.
        nova = EmulatedNovaSonic.start(options -> options.instabilityAfterEvents(30));
        Conversation conversation =
                nova.novaSonic(NovaSonicSettings.defaults()).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);
        conversation.sendText("My name is Ada").block(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> recorder.turnsDone(1));
        // The first stream has answered, so it surely runs with the unstable options.
        nova.reconfigure(options -> options.instabilityAfterEvents(null));

        send(conversation, Speech.concat(Speech.silence(0.3), Speech.speech(1.0), Speech.silence(1.0)));

        await().atMost(TIMEOUT).until(() -> recorder.turnsDone(2));
        ConversationEvent.Renewed renewed =
                (ConversationEvent.Renewed) recorder.events.get(recorder.indexOf(is(ConversationEvent.Renewed.class)));
        assertThat(renewed.reason()).startsWith("recovered from:").contains("System instability");
        assertThat(recorder.finalTexts(Role.USER)).containsExactly("My name is Ada", "heard 1.0 seconds of speech");
        assertThat(recorder.count(ConversationEvent.Closed.class)).isZero();
        assertThat(nova.emulator.stats().streamsOpened()).isEqualTo(2);
        conversation.close().block(TIMEOUT);
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsAndClosesWithTheError() {
        nova = EmulatedNovaSonic.start(options -> options.instabilityAfterEvents(8));
        NovaSonicSettings settings = NovaSonicSettings.builder()
                .recovery(new NovaSonicSettings.Recovery(true, 2, Duration.ofMillis(10), Duration.ofMillis(20)))
                .build();
        Conversation conversation = nova.novaSonic(settings).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);

        send(conversation, Speech.silence(0.5));

        await().atMost(TIMEOUT).until(() -> recorder.completed);
        ConversationEvent last = recorder.events.get(recorder.events.size() - 1);
        assertThat(last).isInstanceOfSatisfying(ConversationEvent.Closed.class, closed -> {
            assertThat(closed.error()).isNotNull();
            assertThat(closed.reason()).contains("System instability");
        });
        assertThat(nova.emulator.stats().streamsOpened()).isEqualTo(3);
    }

    @Test
    void aTerminalErrorClosesWithoutRetrying() {
        nova = EmulatedNovaSonic.start(
                options -> options,
                Faults.none().withInStreamError("validationException", 10, "Invalid input request"));
        Conversation conversation =
                nova.novaSonic(NovaSonicSettings.defaults()).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);

        send(conversation, Speech.silence(0.5));

        await().atMost(TIMEOUT).until(() -> recorder.completed);
        assertThat(recorder.events)
                .last()
                .isInstanceOfSatisfying(
                        ConversationEvent.Closed.class,
                        closed -> assertThat(closed.reason()).contains("Invalid input request"));
        assertThat(recorder.count(ConversationEvent.Renewed.class)).isZero();
        assertThat(nova.emulator.stats().streamsOpened()).isEqualTo(1);
    }
}
