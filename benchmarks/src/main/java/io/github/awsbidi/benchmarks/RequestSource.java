package io.github.awsbidi.benchmarks;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The request publisher a user hand-writes for a bidirectional stream: one subscriber, events emitted only as the
 * subscriber requests them. Either it generates {@code count} events from one payload (a producer that is always
 * ready, for throughput), or it emits payloads {@link #offer(byte[]) offered} one by one (ping-pong). Either way
 * it completes only after {@link #complete()}: the harness half-closes a stream once every echo is in, because the
 * emulator's SageMaker container bridge can drop the last echoes still in flight when the client half-closes.
 * <p>
 * Both sides of every comparison use this same class, the raw SDK side with the SDK's event type and the session
 * side with {@link io.github.awsbidi.core.Frame}, so the request path differs only by the layer under test.
 *
 * @param <T> the event type
 */
final class RequestSource<T> implements Publisher<T>, Subscription {

    private final Function<byte[], T> toEvent;
    private final byte @Nullable [] generated;
    private final Queue<byte[]> offered = new ConcurrentLinkedQueue<>();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private long remaining;
    private volatile boolean completing;
    private volatile boolean cancelled;
    private volatile @Nullable Subscriber<? super T> subscriber;
    private boolean done;

    private RequestSource(Function<byte[], T> toEvent, byte @Nullable [] generated, long count) {
        this.toEvent = toEvent;
        this.generated = generated;
        this.remaining = count;
    }

    /** Emits {@code count} events built from {@code payload}, as fast as demand allows. */
    static <T> RequestSource<T> generating(Function<byte[], T> toEvent, byte[] payload, long count) {
        return new RequestSource<>(toEvent, payload, count);
    }

    /** Emits what is {@link #offer(byte[]) offered}, in order, and completes after {@link #complete()}. */
    static <T> RequestSource<T> queued(Function<byte[], T> toEvent) {
        return new RequestSource<>(toEvent, null, 0);
    }

    void offer(byte[] payload) {
        offered.add(payload);
        drain();
    }

    void complete() {
        completing = true;
        drain();
    }

    @Override
    public void subscribe(Subscriber<? super T> s) {
        if (subscriber != null) {
            s.onSubscribe(this);
            s.onError(new IllegalStateException("one subscriber only"));
            return;
        }
        subscriber = s;
        s.onSubscribe(this);
        drain();
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            return;
        }
        requested.getAndUpdate(current -> current + n < 0 ? Long.MAX_VALUE : current + n);
        drain();
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            Subscriber<? super T> target = subscriber;
            if (target != null) {
                emit(target);
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void emit(Subscriber<? super T> target) {
        while (!done && !cancelled) {
            // Read "completing" before looking at the queue: the producer offers before it completes.
            boolean noMore = completing;
            byte[] next = generated != null ? (remaining > 0 ? generated : null) : offered.peek();
            if (next == null) {
                if (noMore) {
                    done = true;
                    target.onComplete();
                }
                return;
            }
            long demand = requested.get();
            if (demand == 0) {
                return;
            }
            if (generated != null) {
                remaining--;
            } else {
                offered.poll();
            }
            if (demand != Long.MAX_VALUE) {
                requested.decrementAndGet();
            }
            target.onNext(toEvent.apply(next));
        }
    }
}
