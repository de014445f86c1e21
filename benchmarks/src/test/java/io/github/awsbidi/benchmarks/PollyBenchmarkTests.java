package io.github.awsbidi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Polly section's clients against an emulator configured as the benchmark configures its own (in this JVM, over
 * TLS, with the real SDK clients): each flushed text is answered by exactly one audio event, which the round trips
 * rely on, and one short iteration of the rows runs for both sides. Nothing here is timed.
 */
class PollyBenchmarkTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static EmulatorInThisJvm emulator;

    private static EmulatorProcess attached;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        emulator = EmulatorInThisJvm.start(dir);
        attached = emulator.attached();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void eachFlushedTextIsAnsweredByOneAudioEventOnBothSides() throws Exception {
        for (Side side : Side.values()) {
            try (Side.Client client = side.connectPolly(attached, PollyBenchmark.VOICE, 4, ClientShape.DEFAULTS)) {
                AtomicInteger events = new AtomicInteger();
                AtomicInteger bytes = new AtomicInteger();
                EchoStream stream = client.echo().open(Traffic.queued(), audio -> {
                    events.incrementAndGet();
                    bytes.addAndGet(audio);
                });
                stream.send(PollyBenchmark.TEXT);
                stream.send(PollyBenchmark.TEXT);
                stream.complete();
                Probes.await(stream.closed(), TIMEOUT, side.label() + " stream");

                // Six characters at 10 ms each, 16 kHz 16-bit: 1,920 bytes per text, one event each.
                assertThat(events).as(side.label()).hasValue(2);
                assertThat(bytes).as(side.label()).hasValue(2 * 1_920);
            }
        }
    }

    @Test
    void theCpuTurnsRunOnPollyStreamsForBothSides() throws Exception {
        PerSide<Side.Client> clients = new PerSide<>();
        try {
            for (Side side : Side.values()) {
                clients.put(side, side.connectPolly(attached, PollyBenchmark.VOICE, 4, ClientShape.DEFAULTS));
            }
            CpuPerFrameBenchmark.Measured measured =
                    new CpuPerFrameBenchmark(attached, Mode.SHORT).measure(clients, PollyBenchmark.TEXT);

            for (Side side : Side.values()) {
                assertThat(measured.perRoundTrip().get(side)).as(side.label()).hasSize(Mode.SHORT.pingPairs());
                assertThat(java.util.Arrays.stream(measured.perRoundTrip().get(side))
                                .min()
                                .orElse(0))
                        .as(side.label())
                        .isPositive();
            }
            assertThat(measured.where()).isEqualTo("not pinned: the emulator is another JVM's");
        } finally {
            clients.values().forEach(Side.Client::close);
        }
    }

    @Test
    void oneIterationOfTheRoundTripsRunsForBothSides() throws Exception {
        for (Side side : Side.values()) {
            try (Side.Client client = side.connectPolly(attached, PollyBenchmark.VOICE, 4, ClientShape.DEFAULTS)) {
                LatencyBenchmark.Sample sample = LatencyBenchmark.once(client.echo(), PollyBenchmark.TEXT, Mode.SHORT);

                assertThat(sample.roundTrips()).as(side.label()).hasSize(Mode.SHORT.pings());
                assertThat(java.util.Arrays.stream(sample.roundTrips()).min().orElse(0))
                        .as(side.label())
                        .isPositive();
            }
        }
    }
}
