package io.github.awsbidi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-frame CPU turns against an emulator in this JVM, over TLS, with the real SDK clients: streams stay open
 * between turns and every turn gets all its echoes. Nothing here is timed; an emulator in this JVM is not pinned.
 */
class CpuPerFrameBenchmarkTests {

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
    void aStreamTakesTurnsOfRoundTripsAndEachTurnGetsAllItsEchoes() throws Exception {
        for (Operation operation : Operation.values()) {
            for (Side side : Side.values()) {
                try (Side.Client client = side.connect(operation, attached, 4, ClientShape.DEFAULTS)) {
                    AtomicInteger echoes = new AtomicInteger();
                    EchoClient counting = (traffic, listener) -> client.echo().open(traffic, bytes -> {
                        echoes.incrementAndGet();
                        listener.echo(bytes);
                    });
                    PingBlocks stream = PingBlocks.open(counting, Payloads.of(Payloads.SMALL), TIMEOUT);
                    assertThat(echoes).as(operation + " " + side + ", opened").hasValue(1);

                    stream.run(3, TIMEOUT);
                    assertThat(echoes)
                            .as(operation + " " + side + ", first turn")
                            .hasValue(4);
                    stream.run(5, TIMEOUT);
                    assertThat(echoes)
                            .as(operation + " " + side + ", second turn")
                            .hasValue(9);

                    stream.close(TIMEOUT);
                }
            }
        }
    }

    @Test
    void everyPairGivesEachSideACpuTimePerRoundTrip() throws Exception {
        for (Operation operation : Operation.values()) {
            Row row = new CpuPerFrameBenchmark(attached, Mode.SHORT).run(operation);

            assertThat(row.metric()).endsWith("raw and session in turns, not pinned: the emulator is another JVM's");
            assertThat(row.goal()).isEqualTo(Goal.CPU_PER_FRAME);
            assertThat(row.raw()).hasSize(Mode.SHORT.pingPairs());
            double[] session = Objects.requireNonNull(row.session());
            assertThat(session).hasSize(Mode.SHORT.pingPairs());
            assertThat(Arrays.stream(row.raw()).min().orElse(0))
                    .as(operation + " raw")
                    .isPositive();
            assertThat(Arrays.stream(session).min().orElse(0))
                    .as(operation + " session")
                    .isPositive();
        }
    }
}
