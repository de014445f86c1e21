package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.config.EndpointStatus;
import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.config.SageMakerEndpoint;
import io.github.awsbidi.emulator.config.Variant;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InvokeEndpointWithBidirectionalStreamRequest;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ModelStreamErrorException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ResponsePayloadPart;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.SageMakerRuntimeHttp2Exception;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SageMaker InvokeEndpointWithBidirectionalStream through the real SDK client, over h2c and TLS. */
@ParameterizedClass(name = "tls={0}")
@ValueSource(booleans = {false, true})
class SageMakerStreamTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Parameter
    boolean tls;

    private BidiEmulator emulator() {
        return SharedEmulators.emulator(tls);
    }

    private Streams.SageMakerResult invoke(
            InvokeEndpointWithBidirectionalStreamRequest request,
            org.reactivestreams.Publisher<
                            software.amazon.awssdk.services.sagemakerruntimehttp2.model.RequestPayloadPart>
                    parts) {
        return Streams.sagemaker(SharedEmulators.clients(tls).sagemaker, request, parts);
    }

    @Test
    void partialPartsReachTheContainerAsOneFragmentedMessageAndComeBackTheSame() throws Exception {
        List<ResponsePayloadPart> parts = invoke(
                        Streams.endpoint("echo"),
                        Flux.just(
                                Streams.binary(new byte[] {1, 2}, false),
                                Streams.binary(new byte[] {3, 4}, false),
                                Streams.binary(new byte[] {5}, true)))
                .await();

        assertThat(parts)
                .extracting(ResponsePayloadPart::completionState)
                .containsExactly("PARTIAL", "PARTIAL", "COMPLETE");
        assertThat(parts).extracting(ResponsePayloadPart::dataType).containsOnly("BINARY");
        assertThat(parts)
                .extracting(part -> part.bytes().asByteArray())
                .containsExactly(new byte[] {1, 2}, new byte[] {3, 4}, new byte[] {5});
    }

    @Test
    void invocationPathAndQueryStringReachTheContainer() throws Exception {
        var request = InvokeEndpointWithBidirectionalStreamRequest.builder()
                .endpointName("echo")
                .modelInvocationPath("v1/listen")
                .modelQueryString("model=nova-3&language=en%2DUS")
                .build();

        List<ResponsePayloadPart> parts = invoke(request, Flux.just(Streams.text("{\"type\":\"Describe\"}")))
                .await();

        assertThat(parts).hasSize(1);
        JsonNode described = JSON.readTree(parts.get(0).bytes().asUtf8String());
        assertThat(described.path("path").asString()).isEqualTo("/v1/listen");
        assertThat(described.path("query").asString()).isEqualTo("model=nova-3&language=en%2DUS");
    }

    @Test
    void transcribeSimHearsSpeechInASine() throws Exception {
        List<JsonNode> results = transcribe(sine(16_000));

        assertThat(results)
                .extracting(node -> node.path("is_final").asBoolean())
                .containsExactly(false, true);
        assertThat(results.get(1)
                        .path("channel")
                        .path("alternatives")
                        .path(0)
                        .path("transcript")
                        .asString())
                .startsWith("heard 1.00 seconds of speech");
        assertThat(results.get(1).path("rms").asDouble()).isGreaterThan(0.3);
    }

    @Test
    void transcribeSimHearsSilenceInZeros() throws Exception {
        List<JsonNode> results = transcribe(new byte[16_000]);

        assertThat(results)
                .extracting(node -> node.path("is_final").asBoolean())
                .containsExactly(false, true);
        assertThat(results.get(1)
                        .path("channel")
                        .path("alternatives")
                        .path(0)
                        .path("transcript")
                        .asString())
                .isEqualTo("heard 0.50 seconds of silence");
    }

    /** Sends the PCM as two fragments of one message and returns the container's JSON answers. */
    private List<JsonNode> transcribe(byte[] pcm) throws Exception {
        int half = pcm.length / 2;
        List<ResponsePayloadPart> parts = invoke(
                        Streams.endpoint("transcribe-sim"),
                        Flux.just(
                                Streams.binary(java.util.Arrays.copyOfRange(pcm, 0, half), false),
                                Streams.binary(java.util.Arrays.copyOfRange(pcm, half, pcm.length), true)))
                .await();
        assertThat(parts).extracting(ResponsePayloadPart::dataType).containsOnly("UTF8");
        return parts.stream()
                .map(part -> JSON.readTree(part.bytes().asUtf8String()))
                .toList();
    }

    @Test
    void answersWithTheTargetVariantNamedByTheHeader() throws Exception {
        String endpoint = twoVariantEndpoint();
        var request = InvokeEndpointWithBidirectionalStreamRequest.builder()
                .endpointName(endpoint)
                .targetVariant("green")
                .build();

        var result = invoke(request, Flux.just(Streams.text("hi")));

        assertThat(result.await()).hasSize(1);
        assertThat(result.response().join().invokedProductionVariant()).isEqualTo("green");
    }

    @Test
    void answersWithTheFirstVariantWithoutTheHeader() throws Exception {
        var result = invoke(Streams.endpoint(twoVariantEndpoint()), Flux.just(Streams.text("hi")));

        assertThat(result.await()).hasSize(1);
        assertThat(result.response().join().invokedProductionVariant()).isEqualTo("blue");
    }

    @Test
    void unknownTargetVariantFailsWithValidationError() throws Exception {
        var request = InvokeEndpointWithBidirectionalStreamRequest.builder()
                .endpointName(twoVariantEndpoint())
                .targetVariant("purple")
                .build();

        Throwable failure = invoke(request, Flux.just(Streams.text("hi"))).failure();

        assertThat(failure).isInstanceOfSatisfying(SageMakerRuntimeHttp2Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.getMessage()).contains("purple");
        });
    }

    private String twoVariantEndpoint() {
        String name = "two-variants";
        emulator()
                .reconfigure(config -> config.sagemakerEndpoint(
                        name,
                        new SageMakerEndpoint(
                                EndpointStatus.IN_SERVICE,
                                List.of(new Variant("blue", "echo"), new Variant("green", "echo")),
                                Faults.none())));
        return name;
    }

    @Test
    void containerCloseReachesTheClientAsModelStreamError() throws Exception {
        Throwable failure = invoke(
                        Streams.endpoint("echo"),
                        Streams.thenHold(Streams.text("{\"type\":\"Close\",\"code\":4001,\"reason\":\"bye\"}")))
                .failure();

        assertThat(failure).isInstanceOfSatisfying(ModelStreamErrorException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("4001");
            assertThat(e.getMessage()).contains("bye");
        });
    }

    @Test
    void unreachableContainerFailsWithModelError() throws Exception {
        String name = "unreachable";
        int closedPort = closedPort();
        emulator()
                .reconfigure(
                        config -> config.sagemakerEndpoint(name, SageMakerEndpoint.of("ws://127.0.0.1:" + closedPort)));

        Throwable failure =
                invoke(Streams.endpoint(name), Flux.just(Streams.text("hi"))).failure();

        assertThat(failure).isInstanceOfSatisfying(ModelErrorException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(424);
            assertThat(e.originalStatusCode()).isEqualTo(424);
            assertThat(e.getMessage()).contains("Failed to establish WebSocket connection");
        });
    }

    @Test
    void unknownEndpointFailsWithValidationError() throws Exception {
        Throwable failure = invoke(Streams.endpoint("no-such-endpoint"), Flux.just(Streams.text("hi")))
                .failure();

        assertThat(failure).isInstanceOfSatisfying(SageMakerRuntimeHttp2Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.getMessage()).contains("no-such-endpoint");
        });
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** {@code samples} samples of a 440 Hz tone at half scale, as 16 kHz 16-bit LE mono PCM. */
    static byte[] sine(int samples) {
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) Math.round(0.5 * Short.MAX_VALUE * Math.sin(2 * Math.PI * 440 * i / 16_000.0)));
        }
        return pcm.array();
    }
}
