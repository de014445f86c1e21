package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.junit.BidiEmulatorTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ResponsePayloadPart;

/** {@code @BidiEmulatorTest(cassettes = …)} serves a committed cassette under its recorded endpoint. */
@BidiEmulatorTest(cassettes = "src/test/resources/cassettes", cassetteTimeScale = 0)
class BidiEmulatorCassetteExtensionTests {

    @Test
    void servesTheCommittedCassette(BidiEmulator emulator) throws Exception {
        try (SdkClients clients = new SdkClients(emulator)) {
            Streams.SageMakerResult result = Streams.sagemaker(
                    clients.sagemaker, Streams.endpoint("recorded-greeter"), Flux.just(Streams.text("hello")));

            assertThat(result.await())
                    .extracting(ResponsePayloadPart::bytes)
                    .extracting(bytes -> bytes.asUtf8String())
                    .containsExactly("hello, human");
            assertThat(result.response().get().invokedProductionVariant()).isEqualTo("blue");
        }
    }
}
