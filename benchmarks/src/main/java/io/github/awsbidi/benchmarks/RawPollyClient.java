package io.github.awsbidi.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.polly.PollyAsyncClient;
import software.amazon.awssdk.services.polly.model.Engine;
import software.amazon.awssdk.services.polly.model.FlushStreamConfiguration;
import software.amazon.awssdk.services.polly.model.OutputFormat;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamActionStream;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamRequest;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamResponseHandler;

/**
 * StartSpeechSynthesisStream written against the SDK directly, the way its documentation shows: flushed
 * {@code TextEvent}s in, every {@code AudioEvent} reported to the listener.
 */
final class RawPollyClient implements EchoClient {

    private static final FlushStreamConfiguration FORCE =
            FlushStreamConfiguration.builder().force(true).build();

    private final PollyAsyncClient client;
    private final StartSpeechSynthesisStreamRequest request;

    RawPollyClient(PollyAsyncClient client, String voiceId, int sampleRate) {
        this.client = client;
        this.request = StartSpeechSynthesisStreamRequest.builder()
                .engine(Engine.GENERATIVE)
                .voiceId(voiceId)
                .outputFormat(OutputFormat.PCM)
                .sampleRate(Integer.toString(sampleRate))
                .build();
    }

    @Override
    public EchoStream open(Traffic traffic, EchoStream.Listener listener) {
        RequestSource<StartSpeechSynthesisStreamActionStream> source = traffic.source(RawPollyClient::event);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        StartSpeechSynthesisStreamResponseHandler handler = StartSpeechSynthesisStreamResponseHandler.builder()
                .subscriber(StartSpeechSynthesisStreamResponseHandler.Visitor.builder()
                        .onAudioEvent(audio ->
                                listener.echo(audio.audioChunk().asByteBuffer().remaining()))
                        .build())
                .onError(closed::completeExceptionally)
                .build();
        CompletableFuture<Void> call = client.startSpeechSynthesisStream(request, source, handler);
        call.whenComplete((ignored, error) -> {
            if (error != null) {
                closed.completeExceptionally(error);
            } else {
                closed.complete(null);
            }
        });
        return new PollyStream<>(source, closed, () -> call.cancel(true));
    }

    /** A flushed {@code TextEvent} of the payload's text; the empty payload is the {@code CloseStreamEvent}. */
    private static StartSpeechSynthesisStreamActionStream event(byte[] text) {
        if (text.length == 0) {
            return StartSpeechSynthesisStreamActionStream.closeStreamEventBuilder()
                    .build();
        }
        return StartSpeechSynthesisStreamActionStream.textEventBuilder()
                .text(new String(text, StandardCharsets.UTF_8))
                .flushStreamConfiguration(FORCE)
                .build();
    }
}
