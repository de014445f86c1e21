package io.github.awsbidi.core.internal;

import io.github.awsbidi.core.Frame;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * The response frames of one attempt as the exchange hands them out: the SDK's frames until the attempt
 * {@linkplain #fail(Throwable) fails} (the SDK does not always end its event publisher when it reports a failure), then
 * that failure; when the SDK's publisher completes, the error {@code end} supplies, if any (a response that ended
 * while requests were still being sent); and cancelling it cancels the call.
 * <p>
 * One operator where {@code takeUntilOther}, {@code concatWith} and {@code doOnCancel} were three plus a serializing
 * subscriber (two monitors per frame): it is on every response frame's path. A failure and the SDK's signals may come
 * from different threads, so signals to the subscriber are serialized by a counter: a frame is passed on only while no
 * end is being delivered, and an end that arrives during a frame is delivered by that frame's thread once it is done.
 * Subscribe once.
 */
final class AttemptResponses extends Flux<Frame> implements CoreSubscriber<Frame>, Subscription {

    /** The end that completes normally. */
    private static final Throwable COMPLETE = new Throwable("complete", null, false, false) {};

    private final Publisher<Frame> source;
    private final Supplier<@Nullable Throwable> end;
    private final Runnable cancelCall;
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicReference<@Nullable Throwable> terminal = new AtomicReference<>();
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    private volatile @Nullable CoreSubscriber<? super Frame> actual;
    private volatile @Nullable Subscription upstream;
    private volatile boolean subscribed;
    private volatile boolean cancelled;

    AttemptResponses(Publisher<Frame> source, Supplier<@Nullable Throwable> end, Runnable cancelCall) {
        this.source = source;
        this.end = end;
        this.cancelCall = cancelCall;
    }

    /** The attempt failed: the SDK's frames stop and the subscriber gets {@code error} (kept until it subscribes). */
    void fail(Throwable error) {
        if (!failure.compareAndSet(null, error)) {
            return;
        }
        Subscription s = upstream;
        if (s != null) {
            s.cancel();
        }
        if (subscribed) {
            end(error);
        }
    }

    @Override
    public void subscribe(CoreSubscriber<? super Frame> subscriber) {
        if (actual != null) {
            Operators.error(
                    subscriber, new IllegalStateException("An attempt's responses can be subscribed once only"));
            return;
        }
        actual = subscriber;
        Flux.from(source).subscribe(this);
    }

    @Override
    public void onSubscribe(Subscription s) {
        if (!Operators.validate(upstream, s)) {
            return;
        }
        upstream = s;
        CoreSubscriber<? super Frame> subscriber = actual;
        if (subscriber == null) {
            s.cancel();
            return;
        }
        subscriber.onSubscribe(this);
        subscribed = true;
        Throwable failed = failure.get();
        if (failed != null) {
            s.cancel();
            end(failed);
        }
    }

    @Override
    public void onNext(Frame frame) {
        CoreSubscriber<? super Frame> subscriber = actual;
        if (subscriber != null && wip.get() == 0 && wip.compareAndSet(0, 1)) {
            subscriber.onNext(frame);
            if (wip.decrementAndGet() != 0) {
                deliver(subscriber);
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        end(error);
    }

    @Override
    public void onComplete() {
        Throwable broken = end.get();
        end(broken != null ? broken : COMPLETE);
    }

    @Override
    public Context currentContext() {
        CoreSubscriber<? super Frame> subscriber = actual;
        return subscriber != null ? subscriber.currentContext() : Context.empty();
    }

    @Override
    public void request(long n) {
        Subscription s = upstream;
        if (s != null) {
            s.request(n);
        }
    }

    @Override
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        cancelCall.run();
        Subscription s = upstream;
        if (s != null) {
            s.cancel();
        }
    }

    /** Ends the subscriber with {@code outcome} (or completes it) unless it ended already. */
    private void end(Throwable outcome) {
        if (!terminal.compareAndSet(null, outcome)) {
            return;
        }
        CoreSubscriber<? super Frame> subscriber = actual;
        if (subscriber != null && wip.getAndIncrement() == 0) {
            deliver(subscriber);
        }
    }

    private void deliver(CoreSubscriber<? super Frame> subscriber) {
        Throwable outcome = terminal.get();
        if (outcome == null || cancelled) {
            return;
        }
        if (outcome == COMPLETE) {
            subscriber.onComplete();
        } else {
            subscriber.onError(outcome);
        }
    }
}
