package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.junit.BidiEmulatorTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** {@code @BidiEmulatorTest} injects one running h2c emulator per test class. */
@BidiEmulatorTest
class BidiEmulatorExtensionTests {

    private final BidiEmulator injectedIntoConstructor;

    BidiEmulatorExtensionTests(BidiEmulator emulator) {
        this.injectedIntoConstructor = emulator;
    }

    @Test
    void injectsAWorkingPlaintextEmulator(BidiEmulator emulator) throws Exception {
        assertThat(emulator.endpoint().getScheme()).isEqualTo("http");
        try (SdkClients clients = new SdkClients(emulator)) {
            assertThat(Streams.bedrock(clients.bedrock, "echo-extension", Flux.just("{\"x\":1}"))
                            .await())
                    .containsExactly("{\"x\":1}");
        }
    }

    @Test
    void constructorAndMethodsShareTheClassEmulator(BidiEmulator emulator) {
        assertThat(emulator).isSameAs(injectedIntoConstructor);
    }
}
