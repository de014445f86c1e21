package io.github.awsbidi.core.internal;

import io.github.awsbidi.core.Frame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * Feeds the caller's request publisher, subscribed once, to the SDK's successive request subscriptions ("legs"), one
 * per attempt to open the stream, each frame turned into the SDK's request event as it is handed over.
 * <p>
 * Every frame passes here, so the relay is the SDK's request publisher itself and a Reactor {@link CoreSubscriber} of
 * the caller's: no operator and no spec-enforcing wrapper sits between the caller, the relay and the SDK.
 * <p>
 * Demand flows only from the SDK: the caller's publisher is asked for no more frames than the current leg has
 * requested, so the frames held here ({@code pending}) never exceed what the SDK asked for. When an attempt fails
 * before the service answered, frames that arrived for the dead leg wait for the next one. Frames already handed to
 * the dead leg are kept, up to a byte limit, until the service answers: they go to the next leg when the service
 * refused the stream with an error status ({@link #detachRefused()}: nothing reached the model), or when the exchange
 * opted in to replay; otherwise (a timed-out or broken open, which the server may have seen) they are not sent again,
 * and {@link #canRetry()} refuses a retry that would go ahead without them.
 *
 * @param <I> the SDK's request event type
 */
final class RequestRelay<I> implements CoreSubscriber<Frame> {

    /** What the relay tells the exchange. */
    interface Events {

        /** A frame was handed to the SDK. */
        void frameSent(Frame frame);

        /** A leg completed: the caller's publisher completed and the SDK was handed every frame (the half-close). */
        void requestsCompleted();

        /** The SDK asked for frames for the first time: the HTTP/2 stream exists. */
        void streamLive();

        /** The caller's publisher failed (or sent an invalid frame). */
        void requestsFailed(Throwable error);
    }

    private final Publisher<Frame> source;
    private final Function<Frame, @Nullable RuntimeException> frameCheck;
    private final Function<Frame, I> toRequestEvent;
    private final boolean replay;
    private final long maxReplayBytes;
    private final Events events;
    private final AtomicInteger wip = new AtomicInteger();

    // Everything below is guarded by "this".
    private @Nullable Subscription upstream;
    private boolean upstreamStarted;
    private long upstreamOutstanding;
    private boolean upstreamDone;
    private @Nullable Throwable upstreamError;
    private boolean cancelled;
    private final ArrayDeque<Frame> pending = new ArrayDeque<>();
    private @Nullable Leg leg;
    private boolean live;
    private boolean confirmed;
    private boolean requestsEnded;
    private int sentUnconfirmed;
    private final List<Frame> retained = new ArrayList<>();
    private long retainedBytes;
    private boolean replayOverflow;

    RequestRelay(
            Publisher<Frame> source,
            Function<Frame, @Nullable RuntimeException> frameCheck,
            Function<Frame, I> toRequestEvent,
            boolean replay,
            long maxReplayBytes,
            Events events) {
        this.source = source;
        this.frameCheck = frameCheck;
        this.toRequestEvent = toRequestEvent;
        this.replay = replay;
        this.maxReplayBytes = maxReplayBytes;
        this.events = events;
    }

    /** A publisher for the next attempt's SDK request subscription; the previous one, if any, is detached. */
    synchronized Publisher<I> newLeg() {
        detachLocked(false);
        Leg next = new Leg();
        leg = next;
        return next;
    }

    /** The current attempt failed: its leg gets nothing more, and frames to replay go back in front. */
    synchronized void detach() {
        detachLocked(false);
    }

    /**
     * The current attempt was refused by the service with an error status before any response: nothing it took
     * reached the model, so its frames go back in front for the next attempt even without the exchange's opt-in
     * (within {@code maxReplayBytes}).
     */
    synchronized void detachRefused() {
        detachLocked(true);
    }

    private void detachLocked(boolean refused) {
        Leg previous = leg;
        if (previous == null) {
            return;
        }
        previous.done = true;
        leg = null;
        if (!confirmed && (replay || refused) && !replayOverflow) {
            for (int i = retained.size() - 1; i >= 0; i--) {
                pending.addFirst(retained.get(i));
            }
            // Every frame the dead leg took is queued again: none is lost by another attempt.
            sentUnconfirmed = 0;
        }
        // Without replay the count stays: those frames went to a failed attempt and cannot be sent again, so
        // canRetry() refuses a retry that would go ahead without them.
        retained.clear();
        retainedBytes = 0;
    }

    /** The service answered: the stream is open, nothing will be replayed any more. */
    synchronized void confirm() {
        confirmed = true;
        retained.clear();
        retainedBytes = 0;
    }

    /**
     * Whether the request side has ended: the caller's publisher completed and the SDK was handed every frame and
     * then the completion, so the service may end the response.
     */
    synchronized boolean requestsEnded() {
        return requestsEnded;
    }

    /** How many frames went to attempts the service never answered (and will not be replayed). */
    synchronized int unconfirmedFrames() {
        return sentUnconfirmed;
    }

    /** Whether another attempt may be made without losing or sending twice what the server may have seen. */
    synchronized boolean canRetry() {
        return !confirmed
                && !cancelled
                && upstreamError == null
                && (sentUnconfirmed == 0 || (replay && !replayOverflow));
    }

    /** Whether the frames sent to unanswered attempts outgrew {@code maxReplayBytes}, so none can be replayed. */
    synchronized boolean replayOverflowed() {
        return replayOverflow;
    }

    /** How many frames the relay holds (waiting to be sent, or kept for replay): what it keeps in memory. */
    synchronized int heldFrames() {
        return pending.size() + retained.size();
    }

    /** The error of the caller's publisher, if it failed. */
    synchronized @Nullable Throwable requestError() {
        return upstreamError;
    }

    /** The exchange is over: cancels the caller's publisher and drops held frames. */
    void cancel() {
        Subscription toCancel;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toCancel = upstream;
            upstream = null;
            pending.clear();
            retained.clear();
            if (leg != null) {
                leg.done = true;
            }
        }
        if (toCancel != null) {
            toCancel.cancel();
        }
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        boolean cancelNow;
        synchronized (this) {
            cancelNow = cancelled || upstream != null;
            if (!cancelNow) {
                upstream = subscription;
            }
        }
        if (cancelNow) {
            subscription.cancel();
            return;
        }
        drain();
    }

    @Override
    public void onNext(Frame frame) {
        RuntimeException invalid = frameCheck.apply(frame);
        if (invalid != null) {
            Subscription toCancel;
            synchronized (this) {
                toCancel = upstream;
            }
            if (toCancel != null) {
                toCancel.cancel();
            }
            onError(invalid);
            return;
        }
        synchronized (this) {
            if (upstreamDone || cancelled) {
                return;
            }
            if (upstreamOutstanding != Long.MAX_VALUE) {
                upstreamOutstanding--;
            }
            pending.add(frame);
        }
        drain();
    }

    @Override
    public void onError(Throwable error) {
        synchronized (this) {
            if (upstreamDone || cancelled) {
                return;
            }
            upstreamDone = true;
            upstreamError = error;
            pending.clear();
        }
        events.requestsFailed(error);
        drain();
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            if (upstreamDone) {
                return;
            }
            upstreamDone = true;
        }
        drain();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            while (step()) {
                // keep going while a signal was emitted
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /** Emits at most one signal; returns whether it did anything that may enable another. */
    private boolean step() {
        Frame frame = null;
        Subscriber<? super I> target = null;
        Throwable error = null;
        boolean complete = false;
        Subscription toRequest = null;
        long amount = 0;
        Leg current;
        synchronized (this) {
            current = leg;
            if (current == null || current.subscriber == null || current.done || cancelled) {
                return false;
            }
            target = current.subscriber;
            if (upstreamError != null) {
                current.done = true;
                error = upstreamError;
            } else if (current.requested > 0 && !pending.isEmpty()) {
                frame = pending.poll();
                if (current.requested != Long.MAX_VALUE) {
                    current.requested--;
                }
                recordSentLocked(frame);
            } else if (pending.isEmpty() && upstreamDone) {
                current.done = true;
                requestsEnded = true;
                complete = true;
            } else {
                long wanted = current.requested - pending.size();
                if (wanted > 0 && upstream != null && !upstreamDone && upstreamOutstanding < wanted) {
                    amount = current.requested == Long.MAX_VALUE ? Long.MAX_VALUE : wanted - upstreamOutstanding;
                    upstreamOutstanding = Operators.addCap(upstreamOutstanding, amount);
                    toRequest = upstream;
                }
            }
        }
        if (frame != null) {
            events.frameSent(frame);
            I event;
            try {
                event = toRequestEvent.apply(frame);
            } catch (RuntimeException e) {
                // As a map operator would: the leg ends with the error, the exchange's outcome is the SDK's.
                synchronized (this) {
                    current.done = true;
                }
                target.onError(e);
                return false;
            }
            target.onNext(event);
            return true;
        }
        if (error != null) {
            target.onError(error);
            return false;
        }
        if (complete) {
            events.requestsCompleted();
            target.onComplete();
            return false;
        }
        if (toRequest != null) {
            // May deliver synchronously: onNext re-enters drain(), which the wip counter turns into another pass.
            toRequest.request(amount);
        }
        return false;
    }

    private void recordSentLocked(Frame frame) {
        if (confirmed) {
            return;
        }
        sentUnconfirmed++;
        // Kept even without the opt-in: a refused open (detachRefused) re-sends them.
        if (!replayOverflow) {
            if (retainedBytes + frame.size() <= maxReplayBytes) {
                retained.add(frame);
                retainedBytes += frame.size();
            } else {
                replayOverflow = true;
                retained.clear();
                retainedBytes = 0;
            }
        }
    }

    private void startUpstream() {
        synchronized (this) {
            if (upstreamStarted || cancelled) {
                return;
            }
            upstreamStarted = true;
        }
        Flux.from(source).subscribe(this);
    }

    /** One SDK request subscription. */
    private final class Leg implements Publisher<I>, Subscription {

        // Guarded by the relay.
        private @Nullable Subscriber<? super I> subscriber;
        private long requested;
        private boolean done;

        @Override
        public void subscribe(Subscriber<? super I> s) {
            boolean accepted;
            synchronized (RequestRelay.this) {
                accepted = subscriber == null && !done;
                if (accepted) {
                    subscriber = s;
                }
            }
            if (!accepted) {
                // Not this leg's subscription: a refused subscriber's demand or cancel must not reach the leg.
                Operators.error(
                        s, new CancellationException("This request stream was superseded or already subscribed"));
                return;
            }
            s.onSubscribe(this);
            startUpstream();
            drain();
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                return;
            }
            boolean firstDemand;
            synchronized (RequestRelay.this) {
                if (done) {
                    return;
                }
                requested = Operators.addCap(requested, n);
                firstDemand = !live;
                live = true;
            }
            if (firstDemand) {
                events.streamLive();
            }
            drain();
        }

        @Override
        public void cancel() {
            synchronized (RequestRelay.this) {
                done = true;
            }
        }
    }
}
