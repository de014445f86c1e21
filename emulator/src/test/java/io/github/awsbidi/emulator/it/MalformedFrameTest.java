package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamRequest;

/**
 * A request event with a broken CRC ends only its own stream, with an error; another stream on the same
 * connection keeps going and new streams still open. The corruption happens before the SDK signs the
 * event, so the signed envelope around it is valid and the emulator's event decoder is what catches it.
 */
@ParameterizedClass(name = "tls={0}")
@ValueSource(booleans = {false, true})
class MalformedFrameTest {

    private static final String CORRUPTED_MODEL = "echo-corrupted";

    @Parameter
    boolean tls;

    @Test
    void aBadCrcFailsThatStreamOnlyAndTheServerKeepsServing() throws Exception {
        BidiEmulator emulator = SharedEmulators.emulator(tls);
        try (SdkClients clients = new SdkClients(emulator, credentials(emulator), List.of(new CorruptFirstEventCrc()))) {
            Sinks.Many<String> ongoing = Sinks.many().unicast().onBackpressureBuffer();
            var neighbour = Streams.bedrock(clients.bedrock, "echo-neighbour", ongoing.asFlux());
            ongoing.tryEmitNext("{\"before\":true}");

            Throwable failure = Streams.bedrock(clients.bedrock, CORRUPTED_MODEL, Streams.thenHold("{\"bad\":true}")).failure();
            ongoing.tryEmitNext("{\"after\":true}");
            ongoing.tryEmitComplete();
            List<String> later = Streams.bedrock(clients.bedrock, "echo-later", Flux.just("{\"later\":true}")).await();

            assertThat(failure).isInstanceOfSatisfying(BedrockRuntimeException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SerializationException");
                assertThat(e.getMessage()).containsIgnoringCase("crc");
            });
            assertThat(neighbour.await()).containsExactly("{\"before\":true}", "{\"after\":true}");
            assertThat(later).containsExactly("{\"later\":true}");
        }
    }

    private static software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials(BidiEmulator emulator) {
        return software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(emulator.accessKeyId(),
                        emulator.secretAccessKey()));
    }

    /** Flips one bit of the prelude CRC of the first event sent to {@link #CORRUPTED_MODEL}. */
    private static final class CorruptFirstEventCrc implements ExecutionInterceptor {
        @Override
        public Optional<AsyncRequestBody> modifyAsyncHttpContent(Context.ModifyHttpRequest context,
                ExecutionAttributes executionAttributes) {
            Optional<AsyncRequestBody> body = context.asyncRequestBody();
            if (!(context.request() instanceof InvokeModelWithBidirectionalStreamRequest request)
                    || !request.modelId().equals(CORRUPTED_MODEL) || body.isEmpty()) {
                return body;
            }
            AsyncRequestBody original = body.get();
            AtomicBoolean corrupted = new AtomicBoolean();
            Flux<ByteBuffer> events = Flux.from(original).map(buffer -> {
                if (!corrupted.getAndSet(true)) {
                    ByteBuffer copy = ByteBuffer.allocate(buffer.remaining()).put(buffer.duplicate());
                    copy.flip();
                    copy.put(8, (byte) (copy.get(8) ^ 0x01));
                    return copy;
                }
                return buffer;
            });
            return Optional.of(new AsyncRequestBody() {
                @Override
                public Optional<Long> contentLength() {
                    return original.contentLength();
                }

                @Override
                public String contentType() {
                    return original.contentType();
                }

                @Override
                public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
                    events.subscribe(subscriber);
                }
            });
        }
    }
}
