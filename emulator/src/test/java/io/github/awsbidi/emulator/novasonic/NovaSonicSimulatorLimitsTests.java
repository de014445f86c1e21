package io.github.awsbidi.emulator.novasonic;

import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.audioInputs;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.audioStart;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.opening;
import static io.github.awsbidi.emulator.novasonic.NovaSonicInputs.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NovaSonicSimulatorLimitsTests {

    private static final int RATE = 16_000;

    /** 175 s of silence timeout become 175 ms; the 8-minute session limit becomes 480 ms; no audio-idle limit. */
    private static final NovaSonicOptions FAST = NovaSonicOptions.builder()
            .timeScale(0.001)
            .audioIdleTimeout(Duration.ofHours(1))
            .build();

    private SimulatorHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void noInputForTheSilenceTimeoutAfterAudioStartedEndsTheStreamWithError531() {
        harness = new SimulatorHarness(
                FAST.toBuilder().sessionLimit(Duration.ofHours(1)).build());
        harness.send(opening());
        harness.send(audioStart("mic", RATE));
        harness.send(audioInputs("mic", TestAudio.chunks(TestAudio.silence(0.1, RATE), RATE, 32)));

        CollectingSink.Ending ending = harness.awaitFailure("validationException");
        assertThat(ending.message()).contains("InternalErrorCode=531").contains("RST_STREAM");
    }

    @Test
    void inputKeepsTheSilenceTimeoutAway() {
        // 175 s become 700 ms: 16 steps of 50 ms outlast it, with ample slack for a slow machine.
        harness = new SimulatorHarness(NovaSonicOptions.builder()
                .timeScale(0.004)
                .sessionLimit(Duration.ofHours(1))
                .audioIdleTimeout(Duration.ofHours(1))
                .build());
        harness.send(opening());
        harness.send(audioStart("mic", RATE));
        for (int i = 0; i < 16; i++) {
            harness.letTimePass(Duration.ofMillis(50));
            harness.send(audioInputs("mic", TestAudio.chunks(TestAudio.silence(0.032, RATE), RATE, 32)));
        }

        assertThat(harness.sink.ending())
                .as("ending after 800 ms of steady input")
                .isNull();
    }

    @Test
    void theSilenceTimeoutOnlyRunsOnceAudioStarted() {
        harness = new SimulatorHarness(
                FAST.toBuilder().sessionLimit(Duration.ofHours(1)).build());
        harness.send(opening());
        harness.letTimePass(Duration.ofMillis(400));

        assertThat(harness.sink.ending()).isNull();
    }

    @Test
    void noAudioForTheAudioIdleTimeoutEndsTheStreamWithAValidationError() {
        harness = new SimulatorHarness(FAST.toBuilder()
                .silenceTimeout(Duration.ofHours(1))
                .sessionLimit(Duration.ofHours(1))
                .audioIdleTimeout(Duration.ofSeconds(55))
                .build());
        harness.send(opening());
        // Text is input, but not audio: it does not keep the stream alive.
        harness.send(text("user-1", "USER", true, "Hello"));

        CollectingSink.Ending ending = harness.awaitFailure("validationException");
        assertThat(ending.message()).isEqualTo("Timed out waiting for input events");
    }

    @Test
    void streamedSilenceKeepsTheAudioIdleTimeoutAway() {
        // 55 s become 220 ms: 16 steps of 50 ms of silence outlast it several times over.
        harness = new SimulatorHarness(NovaSonicOptions.builder()
                .timeScale(0.004)
                .sessionLimit(Duration.ofHours(1))
                .silenceTimeout(Duration.ofHours(1))
                .build());
        harness.send(opening());
        harness.send(audioStart("mic", RATE));
        for (int i = 0; i < 16; i++) {
            harness.letTimePass(Duration.ofMillis(50));
            harness.send(audioInputs("mic", TestAudio.chunks(TestAudio.silence(0.032, RATE), RATE, 32)));
        }

        assertThat(harness.sink.ending())
                .as("ending after 800 ms of streamed silence")
                .isNull();
    }

    @Test
    void theSessionLimitEndsTheStreamWithAModelTimeout() {
        harness = new SimulatorHarness(
                FAST.toBuilder().silenceTimeout(Duration.ofHours(1)).build());
        harness.send(opening());
        harness.send(text("user-1", "USER", true, "Hello"));

        CollectingSink.Ending ending = harness.awaitFailure("modelTimeoutException");
        assertThat(ending.message()).contains("Model has timed out").contains("8 minutes");
    }

    @Test
    void injectedInstabilityFailsWithTheTransientInternalServerError() {
        harness =
                new SimulatorHarness(FAST.toBuilder().instabilityAfterEvents(6).build());
        harness.send(opening());
        assertThat(harness.sink.ending()).as("ending after 5 input events").isNull();

        harness.send(text("user-1", "USER", true, "Hello"));

        CollectingSink.Ending ending = harness.awaitFailure("internalServerException");
        assertThat(ending.message()).contains("System instability detected. Please retry");
        assertThat(harness.sink.events()).isEmpty();
    }

    @Test
    void cancelStopsTheAssistantMidSentenceAndEmitsNothingMore() {
        harness = new SimulatorHarness(TestOptions.scaled(0.05));
        // The stream is reset right after the first audio chunk, before the next one is due.
        harness.sink.onEmit(event -> {
            if (event.name().equals("audioOutput")) {
                harness.scheduler.execute(harness.simulator::onCancel);
            }
        });
        harness.send(opening());
        harness.send(text("user-1", "USER", true, "Tell me something long enough to cancel in the middle"));
        harness.awaitEvents("audioOutput", 1);
        // The whole reply would take about 3.8 s of audio, 190 ms at this time scale.
        harness.letTimePass(Duration.ofMillis(400));

        assertThat(harness.sink.events("audioOutput")).hasSize(1);
        assertThat(harness.sink.summary()).last().isEqualTo("audioOutput*");
        assertThat(harness.sink.ending()).isNull();
        assertThat(harness.scheduler.getQueue()).as("timers left behind").isEmpty();
    }

    @Test
    void inputAfterTheStreamEndedIsIgnored() {
        harness = new SimulatorHarness(FAST);
        harness.send(opening());
        harness.send(NovaSonicInputs.promptEnd(), NovaSonicInputs.sessionEnd());
        assertThat(harness.awaitEnding().kind()).isEqualTo("complete");

        harness.send(text("user-1", "USER", true, "Anyone there?"));
        harness.inputComplete();

        assertThat(harness.sink.events()).isEmpty();
        assertThat(harness.sink.callsAfterEnd()).isEmpty();
    }
}
