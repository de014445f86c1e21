package io.github.awsbidi.benchmarks;

import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.polly.PollyFrames;
import io.github.awsbidi.polly.PollySession;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import reactor.core.Disposable;

/**
 * Polly streams through {@link PollySession#exchange(org.reactivestreams.Publisher)}: complete UTF-8 frames (flushed
 * text) in, every audio frame reported to the listener (the final {@code RequestCharacters} frame is not audio).
 */
final class PollySessionClient implements EchoClient {

    private final PollySession session;

    PollySessionClient(PollySession session) {
        this.session = session;
    }

    @Override
    public EchoStream open(Traffic traffic, EchoStream.Listener listener) {
        RequestSource<Frame> source = traffic.source(PollySessionClient::frame);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Disposable subscription = session.exchange(source)
                .subscribe(
                        frame -> {
                            if (PollyFrames.isAudio(frame)) {
                                listener.echo(frame.size());
                            }
                        },
                        closed::completeExceptionally,
                        () -> closed.complete(null));
        return new PollyStream<>(source, closed, subscription::dispose);
    }

    /** The text's bytes as a complete UTF-8 frame ({@code Force}); the empty payload is the close. */
    private static Frame frame(byte[] text) {
        return text.length == 0 ? PollyFrames.close() : new Frame(ByteBuffer.wrap(text), DataType.UTF8, true, null);
    }
}
