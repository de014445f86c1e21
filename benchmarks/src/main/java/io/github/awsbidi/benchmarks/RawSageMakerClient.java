package io.github.awsbidi.benchmarks;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntimehttp2.SageMakerRuntimeHttp2AsyncClient;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InvokeEndpointWithBidirectionalStreamRequest;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InvokeEndpointWithBidirectionalStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.RequestStreamEvent;

/** InvokeEndpointWithBidirectionalStream written against the SDK directly, the way its documentation shows. */
final class RawSageMakerClient implements EchoClient {

    private final SageMakerRuntimeHttp2AsyncClient client;
    private final InvokeEndpointWithBidirectionalStreamRequest request;

    RawSageMakerClient(SageMakerRuntimeHttp2AsyncClient client, String endpointName) {
        this.client = client;
        this.request = InvokeEndpointWithBidirectionalStreamRequest.builder()
                .endpointName(endpointName)
                .build();
    }

    @Override
    public EchoStream open(Traffic traffic, EchoStream.Listener listener) {
        RequestSource<RequestStreamEvent> source = traffic.source(RawSageMakerClient::payloadPart);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        InvokeEndpointWithBidirectionalStreamResponseHandler handler =
                InvokeEndpointWithBidirectionalStreamResponseHandler.builder()
                        .subscriber(InvokeEndpointWithBidirectionalStreamResponseHandler.Visitor.builder()
                                .onPayloadPart(part -> listener.echo(
                                        part.bytes().asByteBuffer().remaining()))
                                .build())
                        .onError(closed::completeExceptionally)
                        .build();
        CompletableFuture<Void> call = client.invokeEndpointWithBidirectionalStream(request, source, handler);
        call.whenComplete((ignored, error) -> {
            if (error != null) {
                closed.completeExceptionally(error);
            } else {
                closed.complete(null);
            }
        });
        return new SourcedStream<>(source, closed, () -> call.cancel(true));
    }

    private static RequestStreamEvent payloadPart(byte[] bytes) {
        return RequestStreamEvent.payloadPartBuilder()
                .bytes(SdkBytes.fromByteArray(bytes))
                .dataType("BINARY")
                .completionState("COMPLETE")
                .build();
    }
}
