package io.github.awsbidi.load;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Calls each session's frame task once every 32 ms from one thread that wakes once a millisecond, as a sound card's
 * clock would: a task's phase is the millisecond it was added in, and the tasks of one millisecond run in the same
 * wake. A timer per session (a scheduled executor's fixed-rate task each) woke a pacer thread for every frame, 15,625
 * times a second at 500 sessions, and that CPU counted as the client's: the benchmark measured a tenth of a core at
 * 500 SageMaker streams (see docs/load-and-benchmarks.md). A clock that falls behind runs the missed milliseconds at
 * once, so a stalled session's missed frames go together, as they did with fixed-rate timers; {@code pacer lag}
 * reports how late.
 */
final class FrameClock implements AutoCloseable {

    private static final int SLOTS = (int) (AudioClip.FRAME_NANOS / 1_000_000L);

    private final List<List<Ticket>> slots = Stream.<List<Ticket>>generate(CopyOnWriteArrayList::new)
            .limit(SLOTS)
            .toList();
    private final ScheduledExecutorService clock;
    private volatile long ticks;

    FrameClock() {
        clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-frame-clock");
            thread.setDaemon(true);
            return thread;
        });
        clock.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.MILLISECONDS);
    }

    /**
     * Calls {@code task} within two milliseconds, then every 32 ms until the ticket is cancelled. A task that throws
     * is called again at its next turn: catch what must end it.
     */
    Ticket add(Runnable task) {
        List<Ticket> slot = slots.get((int) ((ticks + 1) % SLOTS));
        Ticket ticket = new Ticket(task, slot);
        slot.add(ticket);
        return ticket;
    }

    private void tick() {
        long now = ticks;
        for (Ticket ticket : slots.get((int) (now % SLOTS))) {
            try {
                ticket.task.run();
            } catch (RuntimeException e) {
                // One session's failure must not stop the clock of all the others.
            }
        }
        ticks = now + 1;
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }

    /** One registered task. */
    static final class Ticket {

        private final Runnable task;
        private final List<Ticket> slot;

        private Ticket(Runnable task, List<Ticket> slot) {
            this.task = task;
            this.slot = slot;
        }

        /** No more calls once the current one, if any, is done. */
        void cancel() {
            slot.remove(this);
        }
    }
}
