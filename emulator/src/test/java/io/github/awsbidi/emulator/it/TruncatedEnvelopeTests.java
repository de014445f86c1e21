package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.SageMakerRuntimeHttp2Exception;

/**
 * A request whose last signed envelope is cut short and then ends (END_STREAM) fails like any other
 * malformed input, with a SerializationException error, instead of ending cleanly. The cut happens on
 * the wire bytes after signing: the first envelope goes out whole, the second only half.
 */
@ParameterizedClass(name = "tls={0}")
@ValueSource(booleans = {false, true})
class TruncatedEnvelopeTests {

    @Parameter
    boolean tls;

    @Test
    void bedrockStreamEndingInsideAnEnvelopeFails() throws Exception {
        BidiEmulator emulator = SharedEmulators.emulator(tls);
        try (SdkClients clients = truncating(emulator)) {
            var result = Streams.bedrock(clients.bedrock, "echo-truncated", Flux.just("{\"n\":1}", "{\"n\":2}"));

            assertThat(result.failure()).isInstanceOfSatisfying(BedrockRuntimeException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SerializationException");
                assertThat(e.getMessage()).contains("input ended inside a message");
            });
            assertThat(result.chunks()).containsExactly("{\"n\":1}");
        }
    }

    @Test
    void sagemakerStreamEndingInsideAnEnvelopeFails() throws Exception {
        BidiEmulator emulator = SharedEmulators.emulator(tls);
        try (SdkClients clients = truncating(emulator)) {
            Throwable failure = Streams.sagemaker(
                            clients.sagemaker,
                            Streams.endpoint("echo"),
                            Flux.just(Streams.text("one"), Streams.text("two")))
                    .failure();

            assertThat(failure).isInstanceOfSatisfying(SageMakerRuntimeHttp2Exception.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SerializationException");
                assertThat(e.getMessage()).contains("input ended inside a message");
            });
        }
    }

    private static SdkClients truncating(BidiEmulator emulator) {
        return new SdkClients(
                emulator,
                StaticCredentials.of(emulator),
                List.of(),
                UnaryOperator.identity(),
                TruncatedEnvelopeTests::secondEnvelopeCutInHalf);
    }

    /** Passes the first signed envelope, then half of the second, then completes (the client sends END_STREAM). */
    private static SdkHttpContentPublisher secondEnvelopeCutInHalf(SdkHttpContentPublisher original) {
        Flux<ByteBuffer> cut = Flux.from(original)
                .take(2)
                .index()
                .map(indexed -> indexed.getT1() == 0 ? indexed.getT2() : firstHalf(indexed.getT2()));
        return new SdkHttpContentPublisher() {
            @Override
            public Optional<Long> contentLength() {
                return Optional.empty();
            }

            @Override
            public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
                cut.subscribe(subscriber);
            }
        };
    }

    private static ByteBuffer firstHalf(ByteBuffer envelope) {
        ByteBuffer half = envelope.duplicate();
        half.limit(half.position() + half.remaining() / 2);
        return half;
    }
}
