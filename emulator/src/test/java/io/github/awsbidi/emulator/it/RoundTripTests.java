package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ResponsePayloadPart;

/** Both operations round-trip through the real SDK clients, over h2c and over TLS with ALPN. */
@ParameterizedClass(name = "tls={0}")
@ValueSource(booleans = {false, true})
class RoundTripTests {

    @Parameter
    boolean tls;

    @Test
    void bedrockEchoModelReturnsEveryChunk() throws Exception {
        List<String> sent = List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");

        List<String> received = Streams.bedrock(
                        SharedEmulators.clients(tls).bedrock, "echo.test-v1:0", Flux.fromIterable(sent))
                .await();

        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void sagemakerEchoContainerReturnsEveryPart() throws Exception {
        var result = Streams.sagemaker(
                SharedEmulators.clients(tls).sagemaker,
                Streams.endpoint("echo"),
                Flux.just(Streams.text("hello"), Streams.binary(new byte[] {1, 2, 3}, true)));

        List<ResponsePayloadPart> parts = result.await();

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).bytes().asString(StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(parts.get(0).dataType()).isEqualTo("UTF8");
        assertThat(parts.get(1).bytes().asByteArray()).containsExactly(1, 2, 3);
        assertThat(parts.get(1).dataType()).isEqualTo("BINARY");
        assertThat(result.response().join().invokedProductionVariant()).isEqualTo("variant-1");
    }
}
