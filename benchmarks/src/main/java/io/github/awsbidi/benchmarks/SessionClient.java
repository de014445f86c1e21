package io.github.awsbidi.benchmarks;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Frame;
import java.util.concurrent.CompletableFuture;
import reactor.core.Disposable;

/** Echo streams through {@link BidirectionalSession#exchange(org.reactivestreams.Publisher)}. */
final class SessionClient implements EchoClient {

    private final BidirectionalSession session;

    SessionClient(BidirectionalSession session) {
        this.session = session;
    }

    @Override
    public EchoStream open(Traffic traffic, EchoStream.Listener listener) {
        RequestSource<Frame> source = traffic.source(Frame::binary);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Disposable subscription = session.exchange(source)
                .subscribe(
                        frame -> listener.echo(frame.size()),
                        closed::completeExceptionally,
                        () -> closed.complete(null));
        return new SourcedStream<>(source, closed, subscription::dispose);
    }
}
