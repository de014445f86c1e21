package io.github.awsbidi.emulator.it;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamInput;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntimehttp2.SageMakerRuntimeHttp2AsyncClient;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InvokeEndpointWithBidirectionalStreamRequest;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InvokeEndpointWithBidirectionalStreamResponse;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InvokeEndpointWithBidirectionalStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.RequestPayloadPart;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.RequestStreamEvent;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ResponsePayloadPart;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ResponseStreamEvent;

/** Drives one stream with a raw SDK client and collects what comes back. */
final class Streams {

    private Streams() {}

    /** What one Bedrock stream returned. */
    record BedrockResult(
            List<String> chunks,
            CompletableFuture<Void> done,
            CompletableFuture<InvokeModelWithBidirectionalStreamResponse> response) {
        Throwable failure() throws InterruptedException {
            try {
                done.get(30, TimeUnit.SECONDS);
                throw new AssertionError("the stream completed; chunks: " + chunks);
            } catch (java.util.concurrent.ExecutionException e) {
                return e.getCause();
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the stream neither failed nor completed", e);
            }
        }

        List<String> await() throws Exception {
            done.get(30, TimeUnit.SECONDS);
            return chunks;
        }
    }

    /** What one SageMaker stream returned. */
    record SageMakerResult(
            List<ResponsePayloadPart> parts,
            CompletableFuture<Void> done,
            CompletableFuture<InvokeEndpointWithBidirectionalStreamResponse> response) {
        Throwable failure() throws InterruptedException {
            try {
                done.get(30, TimeUnit.SECONDS);
                throw new AssertionError("the stream completed; parts: " + parts);
            } catch (java.util.concurrent.ExecutionException e) {
                return e.getCause();
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the stream neither failed nor completed", e);
            }
        }

        List<ResponsePayloadPart> await() throws Exception {
            done.get(30, TimeUnit.SECONDS);
            return parts;
        }
    }

    static BedrockResult bedrock(BedrockRuntimeAsyncClient client, String modelId, Publisher<String> chunks) {
        List<String> received = new CopyOnWriteArrayList<>();
        CompletableFuture<InvokeModelWithBidirectionalStreamResponse> response = new CompletableFuture<>();
        Flux<InvokeModelWithBidirectionalStreamInput> input = Flux.from(chunks)
                .map(text -> InvokeModelWithBidirectionalStreamInput.chunkBuilder()
                        .bytes(SdkBytes.fromUtf8String(text))
                        .build());
        CompletableFuture<Void> done = client.invokeModelWithBidirectionalStream(
                InvokeModelWithBidirectionalStreamRequest.builder()
                        .modelId(modelId)
                        .build(),
                input,
                InvokeModelWithBidirectionalStreamResponseHandler.builder()
                        .onResponse(response::complete)
                        .subscriber(InvokeModelWithBidirectionalStreamResponseHandler.Visitor.builder()
                                .onChunk(chunk -> received.add(chunk.bytes().asUtf8String()))
                                .onDefault(BedrockResultDefaults::unexpected)
                                .build())
                        .build());
        return new BedrockResult(received, done, response);
    }

    static SageMakerResult sagemaker(
            SageMakerRuntimeHttp2AsyncClient client,
            InvokeEndpointWithBidirectionalStreamRequest request,
            Publisher<RequestPayloadPart> parts) {
        List<ResponsePayloadPart> received = new CopyOnWriteArrayList<>();
        CompletableFuture<InvokeEndpointWithBidirectionalStreamResponse> response = new CompletableFuture<>();
        Flux<RequestStreamEvent> input = Flux.from(parts).map(part -> part);
        CompletableFuture<Void> done = client.invokeEndpointWithBidirectionalStream(
                request,
                input,
                InvokeEndpointWithBidirectionalStreamResponseHandler.builder()
                        .onResponse(response::complete)
                        .subscriber(InvokeEndpointWithBidirectionalStreamResponseHandler.Visitor.builder()
                                .onPayloadPart(received::add)
                                .onDefault(SageMakerResultDefaults::unexpected)
                                .build())
                        .build());
        return new SageMakerResult(received, done, response);
    }

    /** The items, then a request stream that stays open until the SDK cancels it (e.g. on a failure). */
    @SafeVarargs
    static <T> Flux<T> thenHold(T... items) {
        return Flux.concat(Flux.just(items), Flux.never());
    }

    static InvokeEndpointWithBidirectionalStreamRequest endpoint(String name) {
        return InvokeEndpointWithBidirectionalStreamRequest.builder()
                .endpointName(name)
                .build();
    }

    static RequestPayloadPart text(String text) {
        return RequestStreamEvent.payloadPartBuilder()
                .bytes(SdkBytes.fromUtf8String(text))
                .dataType("UTF8")
                .build();
    }

    static RequestPayloadPart binary(byte[] bytes, boolean complete) {
        return RequestStreamEvent.payloadPartBuilder()
                .bytes(SdkBytes.fromByteArray(bytes))
                .dataType("BINARY")
                .completionState(complete ? "COMPLETE" : "PARTIAL")
                .build();
    }

    private static final class BedrockResultDefaults {
        static void unexpected(InvokeModelWithBidirectionalStreamOutput event) {
            throw new AssertionError("unexpected event " + event);
        }
    }

    private static final class SageMakerResultDefaults {
        static void unexpected(ResponseStreamEvent event) {
            throw new AssertionError("unexpected event " + event);
        }
    }
}
