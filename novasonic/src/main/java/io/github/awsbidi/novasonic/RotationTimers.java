package io.github.awsbidi.novasonic;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * The timers of one {@link StreamRotation}, one of each kind at a time: starting a timer replaces the one before
 * it. The callbacks run on the scheduler and take the conversation's lock themselves.
 */
final class RotationTimers {

    /** What each timer is for. */
    enum Timer {
        /** The current stream reached the renewal age. */
        RENEWAL,
        /** A due renewal found no turn boundary in time. */
        FORCE,
        /** The pre-opened stream waited too long. */
        IDLE,
        /** The backoff before reconnecting after an error. */
        RECOVERY,
        /** The credentials are about to expire. */
        CREDENTIALS,
        /** The assistant has been silent too long. */
        SILENCE
    }

    private final Scheduler scheduler;
    private final Disposable.Swap[] timers = new Disposable.Swap[Timer.values().length];

    RotationTimers(Scheduler scheduler) {
        this.scheduler = scheduler;
        for (Timer timer : Timer.values()) {
            timers[timer.ordinal()] = Disposables.swap();
        }
    }

    /** Runs {@code task} after {@code delay}, replacing the timer of that kind. */
    void start(Timer timer, Runnable task, Duration delay) {
        timers[timer.ordinal()].update(schedule(task, delay));
    }

    void cancel(Timer timer) {
        timers[timer.ordinal()].update(Disposables.disposed());
    }

    void cancelAll() {
        for (Timer timer : Timer.values()) {
            cancel(timer);
        }
    }

    /** Runs {@code task} after {@code delay}, outside the named timers. */
    Disposable schedule(Runnable task, Duration delay) {
        return scheduler.schedule(task, Math.max(1, delay.toNanos()), TimeUnit.NANOSECONDS);
    }
}
