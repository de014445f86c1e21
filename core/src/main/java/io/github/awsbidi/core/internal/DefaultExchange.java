package io.github.awsbidi.core.internal;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.core.Frame;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;

/**
 * The imperative handle: a {@link FrameBuffer} for the requests and a pass-through of the response stream, which
 * is subscribed at once (so the stream opens) but asks the network for nothing until {@link #responses()} is
 * subscribed and requests.
 */
final class DefaultExchange implements Exchange, ExchangeRun.LiveListener {

    private final FrameBuffer requests;
    private final Sinks.One<Exchange> live = Sinks.one();
    private final ResponseRelay responses = new ResponseRelay();
    private @Nullable DefaultExchangeContext context;

    DefaultExchange(FrameBuffer requests) {
        this.requests = requests;
    }

    /** Starts the exchange; the returned Mono emits this handle once the stream exists. */
    Mono<Exchange> start(ExchangeRun<?> run) {
        this.context = run.context();
        run.responses().subscribe(responses);
        return live.asMono().doOnCancel(this::cancel);
    }

    @Override
    public void streamLive() {
        live.tryEmitValue(this);
    }

    @Override
    public String id() {
        return context().id();
    }

    @Override
    public Mono<Void> send(Frame frame) {
        return requests.send(frame);
    }

    @Override
    public void complete() {
        requests.complete();
    }

    @Override
    public void cancel() {
        requests.end(null);
        responses.cancelExchange();
    }

    @Override
    public Flux<Frame> responses() {
        return Flux.from(responses);
    }

    @Override
    public Optional<String> invokedVariant() {
        return context().invokedVariant();
    }

    @Override
    public Optional<String> requestId() {
        return context().requestId();
    }

    private DefaultExchangeContext context() {
        DefaultExchangeContext current = context;
        if (current == null) {
            throw new IllegalStateException("exchange not started");
        }
        return current;
    }

    @Override
    public String toString() {
        return "Exchange[" + (context != null ? context : "not started") + "]";
    }

    /** Subscribed to the run at once; hands its signals to the one subscriber of {@link #responses()}. */
    private final class ResponseRelay implements CoreSubscriber<Frame>, org.reactivestreams.Publisher<Frame> {

        // Guarded by "this".
        private @Nullable Subscription upstream;
        private @Nullable Subscriber<? super Frame> downstream;
        private boolean done;
        private @Nullable Throwable error;
        private boolean delivered;
        private boolean cancelled;

        @Override
        public void onSubscribe(Subscription subscription) {
            synchronized (this) {
                upstream = subscription;
            }
        }

        @Override
        public void onNext(Frame frame) {
            Subscriber<? super Frame> target;
            synchronized (this) {
                target = downstream;
            }
            // Frames come only after the downstream requested them, so it is there.
            if (target != null) {
                target.onNext(frame);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            synchronized (this) {
                if (cancelled) {
                    // The caller cancelled: the failure that follows is that cancellation's own echo (the reset
                    // stream), and the responses have already completed.
                    return;
                }
                done = true;
                error = throwable;
            }
            requests.end(throwable);
            live.tryEmitError(throwable);
            deliverTerminal();
        }

        @Override
        public void onComplete() {
            synchronized (this) {
                done = true;
            }
            requests.end(null);
            live.tryEmitValue(DefaultExchange.this);
            deliverTerminal();
        }

        void cancelExchange() {
            Subscription toCancel;
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                cancelled = true;
                toCancel = upstream;
                if (!done) {
                    done = true;
                }
            }
            if (toCancel != null) {
                toCancel.cancel();
            }
            live.tryEmitError(new java.util.concurrent.CancellationException("exchange cancelled"));
            deliverTerminal();
        }

        @Override
        public void subscribe(Subscriber<? super Frame> actual) {
            // Serialized: cancel() completes the responses from the caller's thread while a frame may be in onNext.
            Subscriber<? super Frame> subscriber = Operators.serialize(Operators.toCoreSubscriber(actual));
            boolean accepted;
            synchronized (this) {
                accepted = downstream == null;
                if (accepted) {
                    downstream = subscriber;
                }
            }
            if (!accepted) {
                Operators.error(
                        subscriber,
                        new BidiStreamException(
                                ErrorKind.CLIENT,
                                false,
                                null,
                                null,
                                "an exchange's responses can be read once only",
                                null,
                                null,
                                null));
                return;
            }
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                    Subscription up;
                    synchronized (ResponseRelay.this) {
                        up = upstream;
                    }
                    if (up != null) {
                        up.request(n);
                    }
                }

                @Override
                public void cancel() {
                    DefaultExchange.this.cancel();
                }
            });
            deliverTerminal();
        }

        private void deliverTerminal() {
            Subscriber<? super Frame> target;
            Throwable failure;
            synchronized (this) {
                if (!done || delivered || downstream == null) {
                    return;
                }
                delivered = true;
                target = downstream;
                failure = error;
            }
            if (failure != null) {
                target.onError(failure);
            } else {
                target.onComplete();
            }
        }
    }
}
