package io.github.awsbidi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;

/**
 * Live-audio trials against an emulator in this JVM, over TLS, with the real SDK clients: which frames a trial counts
 * and how, at the same settings and at each side's own defaults. Nothing here is a speed goal; the one bound on a
 * latency is the half second a trial waits after its window, which a never-answered frame has waited at least.
 */
class LiveAudioBenchmarkTests {

    /** A one-second window: 31 or 32 frames a stream; 25 leaves room for a frame clock slowed by a busy machine. */
    private static final int WINDOW_SECONDS = 1;

    private static final int FEWEST_FRAMES_A_STREAM = 25;

    private static final int MOST_FRAMES_A_STREAM = 33;

    /** The AWS SDK's default {@code maxConcurrency} (50): for HTTP/2, the streams one client carries at once. */
    private static final int SDK_DEFAULT_MAX_CONCURRENCY =
            SdkHttpConfigurationOption.GLOBAL_HTTP_DEFAULTS.get(SdkHttpConfigurationOption.MAX_CONNECTIONS);

    private static EmulatorInThisJvm emulator;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        emulator = EmulatorInThisJvm.start(dir);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void atTheSameSettingsEveryFrameOfTheWindowIsAnsweredOnBothSides() throws Exception {
        LiveAudioBenchmark live = new LiveAudioBenchmark(emulator.attached(), Mode.SHORT);
        int streams = 20;
        for (Operation operation : Operation.values()) {
            for (Side side : Side.values()) {
                LiveAudioBenchmark.Sample sample = live.trial(side, operation, streams, WINDOW_SECONDS);

                String what = operation + " " + side;
                assertThat(sample.failedStreams()).as(what).isZero();
                assertThat(sample.unanswered()).as(what).isZero();
                assertThat(sample.frames())
                        .as(what)
                        .isBetween(streams * FEWEST_FRAMES_A_STREAM, streams * MOST_FRAMES_A_STREAM);
                assertThat(sample.p50Millis()).as(what).isPositive().isLessThanOrEqualTo(sample.p99Millis());
            }
        }
    }

    @Test
    void atItsOwnDefaultsTheRawSdkCarriesFiftyStreamsAndTheOthersFramesCountAsNeverAnswered() throws Exception {
        LiveAudioBenchmark live = new LiveAudioBenchmark(emulator.attached(), Mode.SHORT, SideSettings.OWN_DEFAULTS);
        int beyond = 4;
        int streams = SDK_DEFAULT_MAX_CONCURRENCY + beyond;
        for (Operation operation : Operation.values()) {
            LiveAudioBenchmark.Sample raw = live.trial(Side.RAW, operation, streams, WINDOW_SECONDS);

            assertThat(raw.failedStreams()).as(operation + " raw").isEqualTo(beyond);
            assertThat(raw.unanswered())
                    .as(operation + " raw")
                    .isBetween(beyond * FEWEST_FRAMES_A_STREAM, beyond * MOST_FRAMES_A_STREAM);
            assertThat(raw.frames())
                    .as(operation + " raw")
                    .isBetween(streams * FEWEST_FRAMES_A_STREAM, streams * MOST_FRAMES_A_STREAM);
            // Over 1% of the frames were never answered: the p99 is one of them, counted at its age.
            assertThat(raw.p99Millis()).as(operation + " raw").isGreaterThanOrEqualTo(500);

            LiveAudioBenchmark.Sample session = live.trial(Side.SESSION, operation, streams, WINDOW_SECONDS);

            assertThat(session.failedStreams()).as(operation + " session").isZero();
            assertThat(session.unanswered()).as(operation + " session").isZero();
            assertThat(session.frames())
                    .as(operation + " session")
                    .isBetween(streams * FEWEST_FRAMES_A_STREAM, streams * MOST_FRAMES_A_STREAM);
        }
    }

    @Test
    void eachSideAtItsOwnDefaultsStatesItsSettingsPerOperation() {
        String sageMaker = SideSettings.OWN_DEFAULTS.text(Operation.SAGEMAKER, ClientShape.DEFAULTS);
        String bedrock = SideSettings.OWN_DEFAULTS.text(Operation.BEDROCK, ClientShape.DEFAULTS);

        assertThat(sageMaker)
                .contains("raw at the SDK's client defaults: at most 50 connections")
                .contains("session at the starter's: at most 2,000 streams, 1 per connection");
        assertThat(bedrock).contains("session at the starter's: at most 2,000 streams, 50 per connection");
        assertThat(SideSettings.ALIKE.text(Operation.BEDROCK, ClientShape.DEFAULTS))
                .isEqualTo("both sides: " + ClientShape.DEFAULTS.text());
    }
}
