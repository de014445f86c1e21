package io.github.awsbidi.benchmarks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Calls each registered task once every 32 ms from one thread that wakes once a millisecond, as a sound card's
 * clock would: a task's phase is the millisecond it was added in, and every task of one millisecond runs in the same
 * wake. One timer per stream instead (a scheduled executor's fixed-rate task each) woke a harness thread for every
 * frame, 15,625 times a second at 500 streams, and that counted as the client's CPU on both sides alike: measured at
 * 500 SageMaker streams, this clock took the client from 1.17 to 1.05 cores and the machine from 4% to 10% idle.
 */
final class FrameClock implements AutoCloseable {

    private static final int SLOTS = (int) (LiveAudioBenchmark.FRAME_NANOS / 1_000_000L);

    private final List<List<Ticket>> slots = Stream.<List<Ticket>>generate(CopyOnWriteArrayList::new)
            .limit(SLOTS)
            .toList();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-audio-clock");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long ticks;

    FrameClock() {
        clock.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.MILLISECONDS);
    }

    /** Calls {@code task} within two milliseconds, then every 32 ms until the ticket is cancelled. */
    Ticket add(Runnable task) {
        int slot = (int) ((ticks + 1) % SLOTS);
        Ticket ticket = new Ticket(task, slots.get(slot));
        ticket.slot.add(ticket);
        return ticket;
    }

    private void tick() {
        long now = ticks;
        for (Ticket ticket : slots.get((int) (now % SLOTS))) {
            try {
                ticket.task.run();
            } catch (RuntimeException e) {
                // One stream's failure must not stop the frames of all the others (a scheduled executor would).
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
