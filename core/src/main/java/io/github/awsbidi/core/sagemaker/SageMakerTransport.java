package io.github.awsbidi.core.sagemaker;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.internal.StreamTransport;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntimehttp2.SageMakerRuntimeHttp2AsyncClient;
import software.amazon.awssdk.services.sagemakerruntimehttp2.endpoints.SageMakerRuntimeHttp2EndpointProvider;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InvokeEndpointWithBidirectionalStreamRequest;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InvokeEndpointWithBidirectionalStreamResponse;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InvokeEndpointWithBidirectionalStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.RequestStreamEvent;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ResponsePayloadPart;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ResponseStreamEvent;

/** Frames as {@code PayloadPart}s over {@code InvokeEndpointWithBidirectionalStream}. */
final class SageMakerTransport implements StreamTransport<RequestStreamEvent> {

    private static final String UTF8 = "UTF8";
    private static final String BINARY = "BINARY";
    private static final String COMPLETE = "COMPLETE";
    private static final String PARTIAL = "PARTIAL";

    private final SageMakerRuntimeHttp2AsyncClient client;
    private final SageMakerSessionSettings settings;
    private final String region;
    private final @Nullable URI connectEndpoint;

    SageMakerTransport(SageMakerRuntimeHttp2AsyncClient client, SageMakerSessionSettings settings, String region) {
        this.client = client;
        this.settings = settings;
        this.region = region;
        this.connectEndpoint = connectEndpoint(client, region);
    }

    private static @Nullable URI connectEndpoint(SageMakerRuntimeHttp2AsyncClient client, String region) {
        try {
            return client.serviceClientConfiguration()
                    .endpointOverride()
                    .orElseGet(() -> SageMakerRuntimeHttp2EndpointProvider.defaultProvider()
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
        String variant = options.targetVariant() != null ? options.targetVariant() : settings.targetVariant();
        return Target.sageMaker(region, settings.endpointName(), variant);
    }

    @Override
    public ExchangeOptions effectiveHeaders(ExchangeOptions options) {
        SageMakerSessionSettings effective = settings.merge(options);
        return new ExchangeOptions(
                effective.targetVariant(),
                effective.modelInvocationPath(),
                effective.modelQueryString(),
                options.replayUnconfirmed());
    }

    @Override
    public void validate(ExchangeOptions options) {
        settings.merge(options);
    }

    @Override
    public boolean completesInput(Frame frame) {
        return frame.last(); // PARTIAL parts continue one message until a COMPLETE part ends it
    }

    @Override
    public boolean asksToEnd(Frame frame) {
        // SageMaker passes payloads through to the container without reading them, and a container that closes its
        // WebSocket reaches the client as a ModelStreamError: the response never ends normally before the request.
        return false;
    }

    @Override
    public RequestStreamEvent toRequestEvent(Frame frame) {
        // SdkBytes holds a byte[]: this is the one copy on the way out (the SDK then encodes from it), made
        // straight from the frame (no view, and SdkBytes keeps the fresh array without copying it again).
        return RequestStreamEvent.payloadPartBuilder()
                .bytes(SdkBytes.fromByteArrayUnsafe(frame.toByteArray()))
                .dataType(frame.type() == DataType.UTF8 ? UTF8 : BINARY)
                .completionState(frame.last() ? COMPLETE : PARTIAL)
                .p(frame.padding())
                .build();
    }

    @Override
    public CompletableFuture<Void> invoke(
            ExchangeOptions options, Publisher<RequestStreamEvent> requests, ResponseCallbacks callbacks) {
        SageMakerSessionSettings effective = settings.merge(options);
        InvokeEndpointWithBidirectionalStreamRequest request = InvokeEndpointWithBidirectionalStreamRequest.builder()
                .endpointName(effective.endpointName())
                .targetVariant(effective.targetVariant())
                .modelInvocationPath(effective.modelInvocationPath())
                .modelQueryString(effective.modelQueryString())
                .build();
        return client.invokeEndpointWithBidirectionalStream(request, requests, new Handler(callbacks));
    }

    @Override
    public BidiStreamException translate(Throwable error) {
        return SageMakerErrors.translate(error);
    }

    static @Nullable Frame toFrame(ResponseStreamEvent event) {
        if (!(event instanceof ResponsePayloadPart part)) {
            return null; // an event type newer than this SDK: skipped, as the SDK's own visitor would
        }
        DataType type = UTF8.equals(part.dataType()) ? DataType.UTF8 : DataType.BINARY;
        boolean last = !PARTIAL.equals(part.completionState());
        // asByteBuffer(): a read-only view of the SDK's bytes, no copy.
        return new Frame(
                part.bytes() != null ? part.bytes().asByteBuffer() : java.nio.ByteBuffer.allocate(0),
                type,
                last,
                part.p());
    }

    private static @Nullable String requestId(InvokeEndpointWithBidirectionalStreamResponse response) {
        String id = response.responseMetadata().requestId();
        return id == null || "UNKNOWN".equals(id) ? null : id;
    }

    /** Adapts the SDK's callbacks. */
    private static final class Handler implements InvokeEndpointWithBidirectionalStreamResponseHandler {

        private final ResponseCallbacks callbacks;

        Handler(ResponseCallbacks callbacks) {
            this.callbacks = callbacks;
        }

        @Override
        public void responseReceived(InvokeEndpointWithBidirectionalStreamResponse response) {
            callbacks.headers(response.invokedProductionVariant(), requestId(response));
        }

        @Override
        public void onEventStream(SdkPublisher<ResponseStreamEvent> publisher) {
            callbacks.events(Flux.from(publisher).mapNotNull(SageMakerTransport::toFrame));
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
