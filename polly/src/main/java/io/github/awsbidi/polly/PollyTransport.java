package io.github.awsbidi.polly;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.internal.StreamTransport;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.polly.PollyAsyncClient;
import software.amazon.awssdk.services.polly.endpoints.PollyEndpointProvider;
import software.amazon.awssdk.services.polly.model.AudioEvent;
import software.amazon.awssdk.services.polly.model.CloseStreamEvent;
import software.amazon.awssdk.services.polly.model.FlushStreamConfiguration;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamActionStream;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamEventStream;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamRequest;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamResponse;
import software.amazon.awssdk.services.polly.model.StartSpeechSynthesisStreamResponseHandler;
import software.amazon.awssdk.services.polly.model.StreamClosedEvent;
import software.amazon.awssdk.services.polly.model.TextType;

/** Frames as {@code TextEvent}/{@code CloseStreamEvent} and {@code AudioEvent}/{@code StreamClosedEvent} ({@link PollyFrames}). */
final class PollyTransport implements StreamTransport<StartSpeechSynthesisStreamActionStream> {

    private final PollyAsyncClient client;
    private final PollySessionSettings settings;
    private final Target target;
    private final @Nullable URI connectEndpoint;

    PollyTransport(PollyAsyncClient client, PollySessionSettings settings, String region) {
        this.client = client;
        this.settings = settings;
        this.target = Target.polly(region, settings.voiceId());
        this.connectEndpoint = connectEndpoint(client, region);
    }

    /** Where the client connects, so that a failed TLS handshake or protocol mismatch can be named (as core does). */
    private static @Nullable URI connectEndpoint(PollyAsyncClient client, String region) {
        try {
            return client.serviceClientConfiguration()
                    .endpointOverride()
                    .orElseGet(() -> PollyEndpointProvider.defaultProvider()
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
                    + "SageMaker headers; a Polly exchange cannot set them");
        }
    }

    @Override
    public boolean completesInput(Frame frame) {
        return frame.last(); // a flush, an SSML document or the close: Polly speaks what it has
    }

    @Override
    public boolean asksToEnd(Frame frame) {
        return PollyFrames.isClose(frame);
    }

    @Override
    public StartSpeechSynthesisStreamActionStream toRequestEvent(Frame frame) {
        if (PollyFrames.isClose(frame)) {
            return StartSpeechSynthesisStreamActionStream.closeStreamEventBuilder()
                    .build();
        }
        String text = frame.asString();
        var event = StartSpeechSynthesisStreamActionStream.textEventBuilder()
                .text(text)
                .textType(PollyFrames.isSsml(text) ? TextType.SSML : TextType.TEXT);
        if (frame.last()) {
            event.flushStreamConfiguration(
                    FlushStreamConfiguration.builder().force(true).build());
        }
        return event.build();
    }

    @Override
    public CompletableFuture<Void> invoke(
            ExchangeOptions options,
            Publisher<StartSpeechSynthesisStreamActionStream> requests,
            ResponseCallbacks callbacks) {
        StartSpeechSynthesisStreamRequest.Builder request = StartSpeechSynthesisStreamRequest.builder()
                .engine(settings.engine())
                .voiceId(settings.voiceId())
                .outputFormat(settings.outputFormat())
                .sampleRate(String.valueOf(settings.effectiveSampleRate()));
        if (settings.languageCode() != null) {
            request.languageCode(settings.languageCode());
        }
        if (!settings.lexiconNames().isEmpty()) {
            request.lexiconNames(settings.lexiconNames());
        }
        return client.startSpeechSynthesisStream(request.build(), withClose(requests), new Handler(callbacks));
    }

    /** Polly ends a stream on {@code CloseStreamEvent}: completing the requests without one sends it. */
    static Publisher<StartSpeechSynthesisStreamActionStream> withClose(
            Publisher<StartSpeechSynthesisStreamActionStream> requests) {
        AtomicBoolean closed = new AtomicBoolean();
        return Flux.from(requests)
                .doOnNext(event -> {
                    if (event instanceof CloseStreamEvent) {
                        closed.set(true);
                    }
                })
                .concatWith(Mono.fromSupplier(() -> closed.get()
                        ? null
                        : StartSpeechSynthesisStreamActionStream.closeStreamEventBuilder()
                                .build()));
    }

    @Override
    public BidiStreamException translate(Throwable error) {
        return PollyErrors.translate(error);
    }

    static @Nullable Frame toFrame(StartSpeechSynthesisStreamEventStream event) {
        if (event instanceof AudioEvent audio) {
            ByteBuffer bytes = audio.audioChunk() != null ? audio.audioChunk().asByteBuffer() : ByteBuffer.allocate(0);
            return Frame.binary(bytes);
        }
        if (event instanceof StreamClosedEvent closed) {
            Integer characters = closed.requestCharacters();
            return PollyFrames.streamClosed(characters != null ? characters : 0L);
        }
        return null; // an event type newer than this SDK: skipped
    }

    /** Adapts the SDK's callbacks. */
    private static final class Handler implements StartSpeechSynthesisStreamResponseHandler {

        private final ResponseCallbacks callbacks;

        Handler(ResponseCallbacks callbacks) {
            this.callbacks = callbacks;
        }

        @Override
        public void responseReceived(StartSpeechSynthesisStreamResponse response) {
            String id = response.responseMetadata().requestId();
            callbacks.headers(null, id == null || "UNKNOWN".equals(id) ? null : id);
        }

        @Override
        public void onEventStream(SdkPublisher<StartSpeechSynthesisStreamEventStream> publisher) {
            callbacks.events(Flux.from(publisher).mapNotNull(PollyTransport::toFrame));
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
