package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ResponsePayloadPart;

/**
 * 200 concurrent streams on one SDK client all complete with exactly their own answers (Bedrock's spread
 * over two HTTP/2 connections, the emulator advertising 128 streams per connection). The emulator gets generous container timeouts: on a busy 2-core CI machine with PARANOID
 * leak detection, 200 WebSocket handshakes at once can take longer than SageMaker's defaults allow.
 */
@ParameterizedClass(name = "tls={0}")
@ValueSource(booleans = {false, true})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyTests {

    private static final int STREAMS = 200;

    @Parameter
    boolean tls;

    private BidiEmulator emulator;
    private SdkClients clients;

    @BeforeAll
    void start() {
        emulator = BidiEmulator.start(EmulatorConfig.builder()
                .tls(tls)
                .containerConnectTimeout(Duration.ofSeconds(60))
                .containerCloseTimeout(Duration.ofSeconds(60))
                .build());
        clients = new SdkClients(emulator);
    }

    @AfterAll
    void stop() {
        clients.close();
        emulator.close();
    }

    @Test
    void twoHundredConcurrentBedrockStreamsComplete() throws Exception {
        var client = clients.bedrock;
        List<Streams.BedrockResult> results = IntStream.range(0, STREAMS)
                .mapToObj(i -> Streams.bedrock(client, "echo-concurrent", Flux.fromIterable(chunks(i))))
                .toList();

        for (int i = 0; i < STREAMS; i++) {
            assertThat(results.get(i).await()).as("stream %d", i).containsExactlyElementsOf(chunks(i));
        }
    }

    @Test
    void twoHundredConcurrentSageMakerStreamsComplete() throws Exception {
        var client = clients.sagemaker;
        List<Streams.SageMakerResult> results = IntStream.range(0, STREAMS)
                .mapToObj(i -> Streams.sagemaker(
                        client,
                        Streams.endpoint("echo"),
                        Flux.fromIterable(chunks(i)).map(Streams::text)))
                .toList();

        for (int i = 0; i < STREAMS; i++) {
            assertThat(results.get(i).await())
                    .as("stream %d", i)
                    .extracting(ResponsePayloadPart::bytes)
                    .extracting(bytes -> bytes.asUtf8String())
                    .containsExactlyElementsOf(chunks(i));
        }
    }

    private static List<String> chunks(int stream) {
        return IntStream.range(0, 3)
                .mapToObj(n -> "{\"stream\":" + stream + ",\"n\":" + n + "}")
                .toList();
    }
}
