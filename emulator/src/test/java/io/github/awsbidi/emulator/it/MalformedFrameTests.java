package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;

/**
 * A request event with a broken CRC ends only its own stream, with an error; another stream on the same
 * connection keeps going and new streams still open. The corruption happens before the SDK signs the
 * event, so the signed envelope around it is valid and the emulator's event decoder is what catches it.
 */
@ParameterizedClass(name = "tls={0}")
@ValueSource(booleans = {false, true})
class MalformedFrameTests {

    private static final String CORRUPTED_MODEL = "echo-corrupted";

    @Parameter
    boolean tls;

    @Test
    void aBadCrcFailsThatStreamOnlyAndTheServerKeepsServing() throws Exception {
        BidiEmulator emulator = SharedEmulators.emulator(tls);
        try (SdkClients clients = new SdkClients(
                emulator, StaticCredentials.of(emulator), List.of(new CorruptFirstEventCrc(CORRUPTED_MODEL)))) {
            Sinks.Many<String> ongoing = Sinks.many().unicast().onBackpressureBuffer();
            var neighbour = Streams.bedrock(clients.bedrock, "echo-neighbour", ongoing.asFlux());
            ongoing.tryEmitNext("{\"before\":true}");

            Throwable failure = Streams.bedrock(clients.bedrock, CORRUPTED_MODEL, Streams.thenHold("{\"bad\":true}"))
                    .failure();
            ongoing.tryEmitNext("{\"after\":true}");
            ongoing.tryEmitComplete();
            List<String> later = Streams.bedrock(clients.bedrock, "echo-later", Flux.just("{\"later\":true}"))
                    .await();

            assertThat(failure).isInstanceOfSatisfying(BedrockRuntimeException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SerializationException");
                assertThat(e.getMessage()).containsIgnoringCase("crc");
            });
            assertThat(neighbour.await()).containsExactly("{\"before\":true}", "{\"after\":true}");
            assertThat(later).containsExactly("{\"later\":true}");
        }
    }
}
