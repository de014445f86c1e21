package io.github.awsbidi.core.bedrock;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.internal.StreamTransport;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.endpoints.BedrockRuntimeEndpointProvider;
import software.amazon.awssdk.services.bedrockruntime.model.BidirectionalOutputPayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamInput;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamResponseHandler;

/** Frames as {@code chunk{bytes}} events over {@code InvokeModelWithBidirectionalStream}. */
final class BedrockTransport implements StreamTransport<InvokeModelWithBidirectionalStreamInput> {

    private final BedrockRuntimeAsyncClient client;
    private final BedrockSessionSettings settings;
    private final Target target;
    private final @Nullable URI connectEndpoint;

    BedrockTransport(BedrockRuntimeAsyncClient client, BedrockSessionSettings settings, String region) {
        this.client = client;
        this.settings = settings;
        this.target = Target.bedrock(region, settings.modelId());
        this.connectEndpoint = connectEndpoint(client, region);
    }

    private static @Nullable URI connectEndpoint(BedrockRuntimeAsyncClient client, String region) {
        try {
            return client.serviceClientConfiguration()
                    .endpointOverride()
                    .orElseGet(() -> BedrockRuntimeEndpointProvider.defaultProvider()
                            .resolveEndpoint(params -> params.region(Region.of(region)))
                            .join()
                            .url());
        } catch (RuntimeException e) {
            return null; // only a better error message depends on it
        }
    }

    @Override
    public @Nullable URI connectEndpoint() {
        return connectEndpoint;
    }

    @Override
    public Target target(ExchangeOptions options) {
        return target;
    }

    @Override
    public void validate(ExchangeOptions options) {
        if (options.overridesHeaders()) {
            throw BidiStreamException.validation("targetVariant, modelInvocationPath and modelQueryString are "
                    + "SageMaker headers; a Bedrock exchange cannot set them");
        }
    }

    @Override
    public boolean completesInput(Frame frame) {
        return true; // every chunk is one whole JSON event
    }

    @Override
    public boolean asksToEnd(Frame frame) {
        // Checked for every frame sent: only a small one can be a sessionEnd event, and only then is a view made.
        return frame.size() <= SessionEndEvent.MAX_SIZE && SessionEndEvent.matches(frame.payload());
    }

    @Override
    public InvokeModelWithBidirectionalStreamInput toRequestEvent(Frame frame) {
        return InvokeModelWithBidirectionalStreamInput.chunkBuilder()
                .bytes(SdkBytes.fromByteArrayUnsafe(frame.toByteArray()))
                .build();
    }

    @Override
    public CompletableFuture<Void> invoke(
            ExchangeOptions options,
            Publisher<InvokeModelWithBidirectionalStreamInput> requests,
            ResponseCallbacks callbacks) {
        InvokeModelWithBidirectionalStreamRequest request = InvokeModelWithBidirectionalStreamRequest.builder()
                .modelId(settings.modelId())
                .build();
        return client.invokeModelWithBidirectionalStream(request, requests, new Handler(callbacks));
    }

    @Override
    public BidiStreamException translate(Throwable error) {
        return BedrockErrors.translate(error);
    }

    static @Nullable Frame toFrame(InvokeModelWithBidirectionalStreamOutput event) {
        if (!(event instanceof BidirectionalOutputPayloadPart chunk)) {
            return null; // an event type newer than this SDK: skipped
        }
        ByteBuffer bytes = chunk.bytes() != null ? chunk.bytes().asByteBuffer() : ByteBuffer.allocate(0);
        return new Frame(bytes, DataType.UTF8, true, null);
    }

    /** Adapts the SDK's callbacks. */
    private static final class Handler implements InvokeModelWithBidirectionalStreamResponseHandler {

        private final ResponseCallbacks callbacks;

        Handler(ResponseCallbacks callbacks) {
            this.callbacks = callbacks;
        }

        @Override
        public void responseReceived(InvokeModelWithBidirectionalStreamResponse response) {
            String id = response.responseMetadata().requestId();
            callbacks.headers(null, id == null || "UNKNOWN".equals(id) ? null : id);
        }

        @Override
        public void onEventStream(SdkPublisher<InvokeModelWithBidirectionalStreamOutput> publisher) {
            callbacks.events(Flux.from(publisher).mapNotNull(BedrockTransport::toFrame));
        }

        @Override
        public void exceptionOccurred(Throwable throwable) {
            callbacks.failed(throwable);
        }

        @Override
        public void complete() {
            // The event publisher completes as well; nothing to add.
        }
    }
}
