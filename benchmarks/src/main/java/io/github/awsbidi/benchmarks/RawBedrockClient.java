package io.github.awsbidi.benchmarks;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamInput;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamResponseHandler;

/** InvokeModelWithBidirectionalStream written against the SDK directly, the way its documentation shows. */
final class RawBedrockClient implements EchoClient {

    private final BedrockRuntimeAsyncClient client;
    private final InvokeModelWithBidirectionalStreamRequest request;

    RawBedrockClient(BedrockRuntimeAsyncClient client, String modelId) {
        this.client = client;
        this.request = InvokeModelWithBidirectionalStreamRequest.builder()
                .modelId(modelId)
                .build();
    }

    @Override
    public EchoStream open(Traffic traffic, EchoStream.Listener listener) {
        RequestSource<InvokeModelWithBidirectionalStreamInput> source = traffic.source(RawBedrockClient::chunk);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        InvokeModelWithBidirectionalStreamResponseHandler handler =
                InvokeModelWithBidirectionalStreamResponseHandler.builder()
                        .subscriber(InvokeModelWithBidirectionalStreamResponseHandler.Visitor.builder()
                                .onChunk(chunk -> listener.echo(
                                        chunk.bytes().asByteBuffer().remaining()))
                                .build())
                        .onError(closed::completeExceptionally)
                        .build();
        CompletableFuture<Void> call = client.invokeModelWithBidirectionalStream(request, source, handler);
        call.whenComplete((ignored, error) -> {
            if (error != null) {
                closed.completeExceptionally(error);
            } else {
                closed.complete(null);
            }
        });
        return new SourcedStream<>(source, closed, () -> call.cancel(true));
    }

    private static InvokeModelWithBidirectionalStreamInput chunk(byte[] bytes) {
        return InvokeModelWithBidirectionalStreamInput.chunkBuilder()
                .bytes(SdkBytes.fromByteArray(bytes))
                .build();
    }
}
