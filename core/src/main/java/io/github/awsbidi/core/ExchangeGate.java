package io.github.awsbidi.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Admits a session's new exchanges until it is {@linkplain #close() closed}, and counts the exchanges still running,
 * so that an application shutting down can refuse new work yet let running exchanges finish
 * ({@link #awaitIdle(Duration)}) before it closes the clients. A refused exchange fails with a
 * {@link BidiStreamException} of kind {@link ErrorKind#UNAVAILABLE}, not retryable, with the error code
 * {@value #SHUTTING_DOWN} (see {@link #isShuttingDown(Throwable)}). Sessions consult the gate of their
 * {@link SessionOptions}; one gate may serve many sessions.
 */
public final class ExchangeGate {

    /** The error code of an exchange refused because the application is shutting down. */
    public static final String SHUTTING_DOWN = "ShuttingDown";

    /** The gate of sessions that are never drained: it admits everything, counts nothing and cannot be closed. */
    static final ExchangeGate UNGATED = new ExchangeGate(false);

    private final boolean counting;

    private final AtomicInteger active = new AtomicInteger();

    private volatile boolean closed;

    private ExchangeGate(boolean counting) {
        this.counting = counting;
    }

    /** A new open gate. */
    public static ExchangeGate create() {
        return new ExchangeGate(true);
    }

    /** Whether {@code error} is an exchange refused by a closed gate. */
    public static boolean isShuttingDown(Throwable error) {
        return error instanceof BidiStreamException bidi
                && SHUTTING_DOWN.equals(bidi.errorCode().orElse(null));
    }

    /** Refuses every exchange opened from now on. */
    public void close() {
        if (!counting) {
            throw new IllegalStateException("the default gate cannot be closed; give the sessions their own "
                    + "ExchangeGate (SessionOptions.withGate)");
        }
        closed = true;
    }

    /**
     * Admits new exchanges again after {@link #close()}: an application stopped and started again (not closed) takes
     * traffic again. The default gate is always open, so this does nothing to it.
     */
    public void reopen() {
        closed = false;
    }

    /** Whether the gate refuses new exchanges. */
    public boolean isClosed() {
        return closed;
    }

    /** The number of exchanges admitted and not yet ended. */
    public int active() {
        return active.get();
    }

    /**
     * Waits until no admitted exchange is running, at most {@code timeout}.
     *
     * @return whether every exchange ended in time
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (active) {
            while (active.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                active.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** {@code responses}, counted while subscribed, or an error if the gate is closed when subscribed. */
    public Flux<Frame> exchange(String sessionName, Target target, Flux<Frame> responses) {
        if (!counting) {
            return responses;
        }
        return Flux.defer(() -> {
            Runnable release = admit(sessionName, target);
            return responses.doFinally(signal -> release.run());
        });
    }

    /** {@code open}, counted until the exchange's responses end or it is cancelled; refused if the gate is closed. */
    public Mono<Exchange> open(String sessionName, Target target, Mono<Exchange> open) {
        if (!counting) {
            return open;
        }
        return Mono.defer(() -> {
            Runnable release = admit(sessionName, target);
            AtomicBoolean handedOver = new AtomicBoolean();
            return open.<Exchange>map(exchange -> {
                        handedOver.set(true);
                        return new CountedExchange(exchange, release);
                    })
                    .doFinally(signal -> {
                        if (!handedOver.get()) {
                            release.run();
                        }
                    });
        });
    }

    private Runnable admit(String sessionName, Target target) {
        // Counted before the check, so a drain that saw zero never misses an exchange admitted concurrently.
        active.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true) && active.decrementAndGet() == 0) {
                synchronized (active) {
                    active.notifyAll();
                }
            }
        };
        if (closed) {
            release.run();
            throw new BidiStreamException(
                    ErrorKind.UNAVAILABLE,
                    false,
                    SHUTTING_DOWN,
                    null,
                    "the application is shutting down: no new exchanges are accepted",
                    null,
                    target,
                    sessionName);
        }
        return release;
    }

    /** An exchange that releases its place in the gate when its responses end or it is cancelled. */
    private record CountedExchange(Exchange delegate, Runnable release) implements Exchange {

        CountedExchange {
            Objects.requireNonNull(delegate, "delegate");
        }

        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public Mono<Void> send(Frame frame) {
            return delegate.send(frame);
        }

        @Override
        public void complete() {
            delegate.complete();
        }

        @Override
        public void cancel() {
            delegate.cancel();
            release.run();
        }

        @Override
        public Flux<Frame> responses() {
            return delegate.responses().doFinally(signal -> release.run());
        }

        @Override
        public java.util.Optional<String> invokedVariant() {
            return delegate.invokedVariant();
        }

        @Override
        public java.util.Optional<String> requestId() {
            return delegate.requestId();
        }
    }
}
