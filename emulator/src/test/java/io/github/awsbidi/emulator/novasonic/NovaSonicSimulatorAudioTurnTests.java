package io.github.awsbidi.emulator.novasonic;

import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.audioInputs;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.audioStart;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.contentEnd;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.opening;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NovaSonicSimulatorAudioTurnTests {

    private static final int RATE = 16_000;

    private SimulatorHarness harness = new SimulatorHarness(TestOptions.scaled(0.01));

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void audioContentEndEndsTheUserTurnAndTheAssistantAnswersWithSpeech() {
        harness.send(opening());
        harness.send(audioStart("audio-1", RATE));
        harness.send(audioInputs("audio-1", TestAudio.chunks(TestAudio.sine(1.0, 300, RATE, 0.3), RATE, 32)));
        harness.send(contentEnd("audio-1"));
        harness.awaitEvents("completionEnd", 1);

        assertThat(harness.sink.summary())
                .containsExactly(
                        "completionStart",
                        "contentStart TEXT USER FINAL",
                        "textOutput USER: heard 1.0 seconds of speech",
                        "contentEnd TEXT END_TURN",
                        "contentStart TEXT ASSISTANT SPECULATIVE",
                        "textOutput ASSISTANT: You said: heard 1.0 seconds of speech.",
                        "contentEnd TEXT PARTIAL_TURN",
                        "contentStart AUDIO ASSISTANT",
                        "audioOutput*",
                        "contentEnd AUDIO END_TURN",
                        "contentStart TEXT ASSISTANT FINAL",
                        "textOutput ASSISTANT: You said: heard 1.0 seconds of speech.",
                        "contentEnd TEXT END_TURN",
                        "usageEvent",
                        "completionEnd END_TURN");
    }

    @Test
    void assistantAudioIsNonSilentSpeechOfTheRequestedFormatInShortChunks() {
        harness.send(opening());
        harness.send(audioStart("audio-1", RATE));
        harness.send(audioInputs("audio-1", TestAudio.chunks(TestAudio.sine(1.0, 300, RATE, 0.3), RATE, 32)));
        harness.send(contentEnd("audio-1"));
        harness.awaitEvents("completionEnd", 1);

        List<CollectingSink.Event> chunks = harness.sink.events("audioOutput");
        assertThat(chunks).hasSizeGreaterThan(5);
        byte[] pcm = TestAudio.decode(chunks);
        String reply = "You said: heard 1.0 seconds of speech.";
        double seconds = pcm.length / 2 / 24_000.0;
        assertThat(seconds).isCloseTo(reply.length() * 0.060, org.assertj.core.data.Offset.offset(0.01));
        assertThat(SpeechDetector.rms(pcm)).as("RMS of the assistant's speech").isGreaterThan(0.05);
        for (CollectingSink.Event chunk : chunks.subList(0, chunks.size() - 1)) {
            int bytes = java.util.Base64.getDecoder().decode(chunk.text("content")).length;
            double chunkMillis = bytes / 2 / 24.0;
            assertThat(chunkMillis).isBetween(40.0, 100.0);
        }
    }

    @Test
    void silenceAfterSpeechEndsTheTurnWhileTheAudioContentStaysOpen() {
        harness.send(opening());
        harness.send(audioStart("audio-1", RATE));
        List<byte[]> chunks = new ArrayList<>(TestAudio.chunks(TestAudio.sine(1.5, 220, RATE, 0.2), RATE, 32));
        chunks.addAll(TestAudio.chunks(TestAudio.silence(0.6, RATE), RATE, 32));
        harness.send(audioInputs("audio-1", chunks));
        harness.awaitEvents("completionEnd", 1);

        assertThat(harness.sink.events("textOutput"))
                .filteredOn(e -> e.text("role").equals("USER"))
                .extracting(e -> e.text("content"))
                .containsExactly("heard 1.5 seconds of speech");
        harness.send(contentEnd("audio-1"));
        harness.send(NovaSonicInputs.promptEnd(), NovaSonicInputs.sessionEnd());
        assertThat(harness.awaitEnding().kind()).isEqualTo("complete");
        assertThat(harness.sink.events("completionStart"))
                .as("contentEnd adds no second turn")
                .hasSize(1);
    }

    @Test
    void shortPausesInsideSpeechDoNotEndTheTurn() {
        harness.send(opening());
        harness.send(audioStart("audio-1", RATE));
        List<byte[]> chunks = new ArrayList<>(TestAudio.chunks(TestAudio.sine(0.5, 220, RATE, 0.2), RATE, 32));
        chunks.addAll(TestAudio.chunks(TestAudio.silence(0.3, RATE), RATE, 32));
        chunks.addAll(TestAudio.chunks(TestAudio.sine(0.5, 220, RATE, 0.2), RATE, 32));
        harness.send(audioInputs("audio-1", chunks));
        harness.letTimePass(Duration.ofMillis(50));
        assertThat(harness.sink.events()).isEmpty();

        harness.send(contentEnd("audio-1"));
        harness.awaitEvents("completionEnd", 1);
        assertThat(harness.sink.events("textOutput").get(0).text("content")).isEqualTo("heard 1.3 seconds of speech");
    }

    @Test
    void quietAudioIsNoTurn() {
        harness.send(opening());
        harness.send(audioStart("audio-1", RATE));
        harness.send(audioInputs("audio-1", TestAudio.chunks(TestAudio.sine(1.0, 300, RATE, 0.01), RATE, 32)));
        harness.send(contentEnd("audio-1"));
        harness.send(NovaSonicInputs.promptEnd(), NovaSonicInputs.sessionEnd());

        assertThat(harness.awaitEnding().kind()).isEqualTo("complete");
        assertThat(harness.sink.events()).isEmpty();
    }

    @Test
    void highSensitivityEndsTheTurnAfterAShorterSilence() {
        harness.close();
        harness = new SimulatorHarness(TestOptions.scaled(0.01));
        var start = NovaSonicInputs.sessionStartBody();
        start.putObject("turnDetectionConfiguration").put("endpointingSensitivity", "HIGH");
        harness.send(NovaSonicInputs.event("sessionStart", start), NovaSonicInputs.promptStart());
        harness.send(NovaSonicInputs.text("system", "SYSTEM", false, "Be brief."));
        harness.send(audioStart("audio-1", RATE));
        List<byte[]> chunks = new ArrayList<>(TestAudio.chunks(TestAudio.sine(0.5, 220, RATE, 0.2), RATE, 32));
        chunks.addAll(TestAudio.chunks(TestAudio.silence(0.32, RATE), RATE, 32));
        harness.send(audioInputs("audio-1", chunks));

        harness.awaitEvents("completionEnd", 1);
        assertThat(harness.sink.events("textOutput").get(0).text("content")).isEqualTo("heard 0.5 seconds of speech");
    }

    @Test
    void aFixedAudioTranscriptReplacesTheDescription() {
        harness.close();
        harness = new SimulatorHarness(TestOptions.scaled(0.01).toBuilder()
                .audioTranscript("What is the weather in Paris?")
                .build());
        harness.send(opening());
        harness.send(audioStart("audio-1", 8000));
        harness.send(audioInputs("audio-1", TestAudio.chunks(TestAudio.sine(0.6, 300, 8000, 0.3), 8000, 32)));
        harness.send(contentEnd("audio-1"));
        harness.awaitEvents("completionEnd", 1);

        assertThat(harness.sink.events("textOutput").get(0).text("content")).isEqualTo("What is the weather in Paris?");
    }
}
