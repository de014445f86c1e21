package io.github.awsbidi.emulator.novasonic;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Schedules the simulator's work on the stream's scheduler with durations scaled by
 * {@link NovaSonicOptions#timeScale()}. A task does nothing once the stream is closed, and a task
 * that throws fails the stream instead of vanishing in the executor.
 */
final class Timers {

    private final ScheduledExecutorService scheduler;

    private final NovaSonicOptions options;

    private final BooleanSupplier closed;

    private final Consumer<RuntimeException> onError;

    Timers(
            ScheduledExecutorService scheduler,
            NovaSonicOptions options,
            BooleanSupplier closed,
            Consumer<RuntimeException> onError) {
        this.scheduler = scheduler;
        this.options = options;
        this.closed = closed;
        this.onError = onError;
    }

    /** Runs the task after the duration, scaled. */
    ScheduledFuture<?> after(Duration duration, Runnable task) {
        return scheduler.schedule(
                () -> {
                    if (closed.getAsBoolean()) {
                        return;
                    }
                    try {
                        task.run();
                    } catch (RuntimeException ex) {
                        onError.accept(ex);
                    }
                },
                options.scaledNanos(duration),
                TimeUnit.NANOSECONDS);
    }
}
