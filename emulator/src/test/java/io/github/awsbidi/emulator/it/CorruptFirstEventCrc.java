package io.github.awsbidi.emulator.it;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamRequest;

/**
 * Flips one bit of the prelude CRC of the first event a client sends to one Bedrock model. It works on
 * the request body before the SDK signs it, so the signed envelope stays valid and only the inner
 * event is malformed.
 */
final class CorruptFirstEventCrc implements ExecutionInterceptor {

    private final String modelId;

    CorruptFirstEventCrc(String modelId) {
        this.modelId = modelId;
    }

    @Override
    public Optional<AsyncRequestBody> modifyAsyncHttpContent(
            Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
        Optional<AsyncRequestBody> body = context.asyncRequestBody();
        if (!(context.request() instanceof InvokeModelWithBidirectionalStreamRequest request)
                || !request.modelId().equals(modelId)
                || body.isEmpty()) {
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
