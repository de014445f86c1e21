package io.github.awsbidi.emulator.novasonic;

import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.audioInput;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.audioInputs;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.audioStart;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.opening;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NovaSonicSimulatorBargeInTests {

    private static final int RATE = 16_000;

    private static final byte[] SPEECH_CHUNK = TestAudio.sine(0.032, 300, RATE, 0.3);

    private static final String QUESTION = "Tell me a long story about a lighthouse keeper and the sea";

    private SimulatorHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void userSpeechOverTheAssistantInterruptsItTheWayTheServiceSignalsIt() {
        harness = new SimulatorHarness(TestOptions.scaled(0.05));
        speakOverFirstAssistantChunk(SPEECH_CHUNK);
        startTurnWithMicrophoneOpen();
        harness.awaitEvents("completionEnd", 1);

        assertThat(harness.sink.summary())
                .containsExactly(
                        "completionStart",
                        "contentStart TEXT USER FINAL",
                        "textOutput USER: " + QUESTION,
                        "contentEnd TEXT END_TURN",
                        "contentStart TEXT ASSISTANT SPECULATIVE",
                        "textOutput ASSISTANT: You said: " + QUESTION + ".",
                        "contentEnd TEXT PARTIAL_TURN",
                        "contentStart AUDIO ASSISTANT",
                        "audioOutput*",
                        "contentEnd AUDIO INTERRUPTED",
                        "contentStart TEXT ASSISTANT FINAL",
                        "textOutput ASSISTANT: { \"interrupted\" : true }",
                        "contentEnd TEXT INTERRUPTED",
                        "usageEvent",
                        "completionEnd INTERRUPTED");
        assertThat(harness.sink.events("audioOutput"))
                .as("audio sent before the interruption")
                .hasSize(1);
    }

    @Test
    void theInterruptingSpeechBecomesTheNextTurn() {
        harness = new SimulatorHarness(TestOptions.scaled(0.05));
        speakOverFirstAssistantChunk(SPEECH_CHUNK);
        startTurnWithMicrophoneOpen();
        harness.awaitEvents("completionEnd", 1);
        int audioChunksOfFirstTurn = harness.sink.events("audioOutput").size();

        List<byte[]> rest = new ArrayList<>(TestAudio.chunks(TestAudio.sine(0.48, 300, RATE, 0.3), RATE, 32));
        rest.addAll(TestAudio.chunks(TestAudio.silence(0.6, RATE), RATE, 32));
        harness.send(audioInputs("mic", rest));
        harness.awaitEvents("completionEnd", 2);

        List<String> summary = harness.sink.summary();
        List<String> secondTurn = summary.subList(summary.lastIndexOf("completionStart"), summary.size());
        assertThat(secondTurn).contains("textOutput USER: heard 0.5 seconds of speech", "completionEnd END_TURN");
        assertThat(harness.sink.events("audioOutput")).hasSizeGreaterThan(audioChunksOfFirstTurn);
    }

    @Test
    void quietAudioDoesNotInterrupt() {
        harness = new SimulatorHarness(TestOptions.scaled(0.05));
        speakOverFirstAssistantChunk(TestAudio.sine(0.032, 300, RATE, 0.005));
        startTurnWithMicrophoneOpen();
        harness.awaitEvents("completionEnd", 1);

        assertThat(harness.sink.summary())
                .doesNotContain("contentEnd AUDIO INTERRUPTED")
                .contains("contentEnd AUDIO END_TURN", "completionEnd END_TURN");
    }

    @Test
    void withoutBargeInTheAssistantFinishesAndTheSpeechIsAnsweredAfterwards() {
        harness = new SimulatorHarness(
                TestOptions.scaled(0.05).toBuilder().bargeIn(false).build());
        List<byte[]> utterance = new ArrayList<>(TestAudio.chunks(TestAudio.sine(0.5, 300, RATE, 0.3), RATE, 32));
        utterance.addAll(TestAudio.chunks(TestAudio.silence(0.6, RATE), RATE, 32));
        AtomicBoolean spoken = new AtomicBoolean();
        harness.sink.onEmit(event -> {
            if (event.name().equals("audioOutput") && spoken.compareAndSet(false, true)) {
                utterance.forEach(
                        chunk -> harness.scheduler.execute(() -> harness.simulator.onInput(audioInput("mic", chunk))));
            }
        });
        startTurnWithMicrophoneOpen();
        harness.awaitEvents("completionEnd", 2);

        assertThat(harness.sink.summary()).doesNotContain("contentEnd AUDIO INTERRUPTED");
        assertThat(harness.sink.events("completionEnd"))
                .extracting(e -> e.text("stopReason"))
                .containsExactly("END_TURN", "END_TURN");
        assertThat(harness.sink.events("textOutput"))
                .filteredOn(e -> e.text("role").equals("USER"))
                .extracting(e -> e.text("content"))
                .containsExactly(QUESTION, "heard 0.5 seconds of speech");
    }

    /** When the first assistant audio chunk goes out, the user's audio arrives next on the event loop. */
    private void speakOverFirstAssistantChunk(byte[] userAudio) {
        AtomicBoolean spoken = new AtomicBoolean();
        harness.sink.onEmit(event -> {
            if (event.name().equals("audioOutput") && spoken.compareAndSet(false, true)) {
                harness.scheduler.execute(() -> harness.simulator.onInput(audioInput("mic", userAudio)));
            }
        });
    }

    private void startTurnWithMicrophoneOpen() {
        harness.send(opening());
        harness.send(audioStart("mic", RATE));
        harness.send(audioInputs("mic", TestAudio.chunks(TestAudio.silence(0.2, RATE), RATE, 32)));
        harness.send(text("typed", "USER", true, QUESTION));
    }
}
