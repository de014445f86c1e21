package io.github.awsbidi.core.internal;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;

/**
 * The request side of an {@link io.github.awsbidi.core.Exchange}: a bounded buffer that {@code send} fills and the
 * stream drains as the HTTP/2 window allows. At most {@code capacity} frames are buffered plus one frame whose
 * {@code send} waits for room; a second waiting send is refused rather than queued, so memory stays bounded however
 * the caller behaves.
 */
final class FrameBuffer implements Publisher<Frame>, Subscription {

    private final int capacity;
    private final Function<Frame, @Nullable RuntimeException> frameCheck;
    private final AtomicInteger wip = new AtomicInteger();

    // Guarded by "this".
    private final ArrayDeque<Frame> queue;
    private @Nullable Frame waitingFrame;
    private Sinks.@Nullable Empty<Void> waitingSend;
    private @Nullable Subscriber<? super Frame> subscriber;
    private long requested;
    private boolean completed;
    private boolean terminated;
    private @Nullable Throwable endedBy;

    FrameBuffer(int capacity, Function<Frame, @Nullable RuntimeException> frameCheck) {
        this.capacity = capacity;
        this.frameCheck = frameCheck;
        this.queue = new ArrayDeque<>(Math.min(capacity, 64));
    }

    /** Accepts {@code frame} now if there is room, else once there is; see {@link io.github.awsbidi.core.Exchange#send}. */
    Mono<Void> send(Frame frame) {
        RuntimeException invalid = frameCheck.apply(frame);
        if (invalid != null) {
            return Mono.error(invalid);
        }
        Sinks.Empty<Void> waiting;
        synchronized (this) {
            if (terminated || completed) {
                return Mono.error(ended());
            }
            if (queue.size() < capacity) {
                queue.add(frame);
                waiting = null;
            } else if (waitingSend != null) {
                return Mono.error(new BidiStreamException(
                        ErrorKind.CLIENT,
                        false,
                        null,
                        null,
                        "send(Frame) called "
                                + "while a previous send is still waiting for room in the buffer of " + capacity
                                + " frames: await each send before the next (the refused frame was not accepted; every frame "
                                + "accepted before it is still sent)",
                        null,
                        null,
                        null));
            } else {
                waiting = Sinks.empty();
                waitingSend = waiting;
                waitingFrame = frame;
            }
        }
        drain();
        return waiting == null ? Mono.empty() : waiting.asMono();
    }

    /** How many frames are buffered: what the buffer keeps in memory. */
    synchronized int buffered() {
        return queue.size();
    }

    /** No more frames: the stream half-closes after the buffered ones. */
    void complete() {
        synchronized (this) {
            completed = true;
        }
        drain();
    }

    /** The exchange ended: buffered frames are dropped and a waiting send fails. */
    void end(@Nullable Throwable cause) {
        Sinks.Empty<Void> waiting;
        synchronized (this) {
            if (terminated) {
                return;
            }
            terminated = true;
            endedBy = cause;
            queue.clear();
            waiting = waitingSend;
            waitingSend = null;
            waitingFrame = null;
        }
        if (waiting != null) {
            waiting.tryEmitError(ended());
        }
    }

    private synchronized RuntimeException ended() {
        Throwable cause = endedBy;
        if (cause instanceof BidiStreamException bidi) {
            return bidi;
        }
        return new BidiStreamException(
                ErrorKind.CLIENT,
                false,
                null,
                null,
                "the exchange has ended" + (completed ? " (complete() was called)" : ""),
                cause,
                null,
                null);
    }

    @Override
    public void subscribe(Subscriber<? super Frame> s) {
        boolean accepted;
        synchronized (this) {
            accepted = subscriber == null;
            if (accepted) {
                subscriber = s;
            }
        }
        if (!accepted) {
            Operators.error(s, new IllegalStateException("An exchange's frames can be sent once only"));
            return;
        }
        s.onSubscribe(this);
        drain();
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            return;
        }
        synchronized (this) {
            requested = Operators.addCap(requested, n);
        }
        drain();
    }

    @Override
    public void cancel() {
        end(null);
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            for (; ; ) {
                Frame frame = null;
                Sinks.Empty<Void> admitted = null;
                boolean complete = false;
                Subscriber<? super Frame> target;
                synchronized (this) {
                    target = subscriber;
                    if (target == null || terminated) {
                        break;
                    }
                    if (requested > 0 && !queue.isEmpty()) {
                        frame = queue.poll();
                        requested--;
                        if (waitingFrame != null) {
                            queue.add(waitingFrame);
                            admitted = waitingSend;
                            waitingFrame = null;
                            waitingSend = null;
                        }
                    } else if (queue.isEmpty() && completed) {
                        terminated = true;
                        complete = true;
                    } else {
                        break;
                    }
                }
                if (admitted != null) {
                    admitted.tryEmitEmpty();
                }
                if (frame != null) {
                    target.onNext(frame);
                }
                if (complete) {
                    target.onComplete();
                    break;
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }
}
