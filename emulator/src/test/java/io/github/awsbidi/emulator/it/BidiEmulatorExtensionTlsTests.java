package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.junit.BidiEmulatorTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** {@code @BidiEmulatorTest(tls = true)} injects an emulator serving TLS that clients trust through it. */
@BidiEmulatorTest(tls = true)
class BidiEmulatorExtensionTlsTests {

    @Test
    void injectsAWorkingTlsEmulator(BidiEmulator emulator) throws Exception {
        assertThat(emulator.endpoint().getScheme()).isEqualTo("https");
        assertThat(emulator.trustManagers()).isNotEmpty();
        try (SdkClients clients = new SdkClients(emulator)) {
            var parts = Streams.sagemaker(clients.sagemaker, Streams.endpoint("echo"), Flux.just(Streams.text("tls")))
                    .await();
            assertThat(parts).extracting(part -> part.bytes().asUtf8String()).containsExactly("tls");
        }
    }
}
