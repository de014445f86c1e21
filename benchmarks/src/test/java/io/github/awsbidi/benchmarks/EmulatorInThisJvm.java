package io.github.awsbidi.benchmarks;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.config.EmulatorConfigReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An emulator in this JVM, over TLS and configured as the benchmark configures its own (Polly's settings included),
 * known to the benchmark's clients as an {@link EmulatorProcess#attach attached} one: what the tests of the sections'
 * clients run against. An attached emulator has no process id, so nothing is pinned to a CPU.
 *
 * @param emulator the running emulator
 * @param attached the emulator as the benchmark's clients connect to it
 */
record EmulatorInThisJvm(BidiEmulator emulator, EmulatorProcess attached) implements AutoCloseable {

    /** Starts one, writing its certificate into {@code dir}. */
    static EmulatorInThisJvm start(Path dir) throws IOException {
        BidiEmulator emulator =
                BidiEmulator.start(EmulatorConfigReader.parse(PollyBenchmark.EMULATOR_CONFIG).toBuilder()
                        .tls(true)
                        .build());
        return new EmulatorInThisJvm(
                emulator,
                EmulatorProcess.attach(
                        emulator.endpoint(), emulator.certificate().writePem(dir.resolve("emulator.pem"))));
    }

    @Override
    public void close() {
        emulator.close();
    }
}
