package io.github.awsbidi.novasonic.audio;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Releases telephony audio in real time: 160-byte frames of 8 kHz μ-law, one every 20 ms, the packet size of
 * telephone networks and of Twilio Media Streams. Speech synthesis runs faster than real time; holding its audio
 * here instead of in the carrier's buffer keeps a barge-in cheap ({@link #clear()} drops what the caller has not
 * heard yet) and keeps the line's buffer short.
 *
 * <p>{@link #offer(byte[])} queues audio of any length; {@link #frames()} emits one whole frame per tick of the
 * {@link Scheduler} given (its clock decides the pace, so a virtual-time scheduler drives it in tests). A tick with
 * nothing queued emits nothing; a tick the subscriber is not ready for is skipped, never made up later in a burst.
 * The queue is not bounded (a minute of speech is 480 KB), and the ticks run while the subscription lasts, with
 * or without audio. Thread-safe; {@link #frames()} is meant for one subscriber.
 */
public final class FramePacer {

    /** Audio per frame. */
    public static final Duration FRAME_DURATION = Duration.ofMillis(20);

    /** Bytes per frame: 20 ms of 8 kHz μ-law. */
    public static final int FRAME_BYTES = 160;

    private final Scheduler scheduler;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final byte[] partial = new byte[FRAME_BYTES];
    private int partialBytes;
    private boolean completed;

    /** A pacer on Reactor's parallel scheduler. */
    public FramePacer() {
        this(Schedulers.parallel());
    }

    /** A pacer ticking on {@code scheduler}. */
    public FramePacer(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * Queues μ-law bytes; a partial frame at the end waits for more audio or {@link #finish()}. After
     * {@link #complete()} audio is dropped: the line has ended, and what arrives late must not keep it going.
     */
    public synchronized void offer(byte[] mulaw) {
        if (completed) {
            return;
        }
        int index = 0;
        while (index < mulaw.length) {
            int take = Math.min(FRAME_BYTES - partialBytes, mulaw.length - index);
            System.arraycopy(mulaw, index, partial, partialBytes, take);
            partialBytes += take;
            index += take;
            if (partialBytes == FRAME_BYTES) {
                queue.add(partial.clone());
                partialBytes = 0;
            }
        }
    }

    /** Ends an utterance: a partial frame is padded with μ-law silence and queued. */
    public synchronized void finish() {
        if (partialBytes > 0) {
            byte[] frame = Arrays.copyOf(partial, FRAME_BYTES);
            Arrays.fill(frame, partialBytes, FRAME_BYTES, MuLaw.SILENCE);
            queue.add(frame);
            partialBytes = 0;
        }
    }

    /** Drops everything not yet emitted (a barge-in); returns how many bytes were dropped. */
    public synchronized int clear() {
        int dropped = queue.size() * FRAME_BYTES + partialBytes;
        queue.clear();
        partialBytes = 0;
        return dropped;
    }

    /** Whole frames waiting to be emitted. */
    public synchronized int queuedFrames() {
        return queue.size();
    }

    /** No more audio comes: {@link #frames()} completes once the queue is empty (a partial frame is finished first). */
    public synchronized void complete() {
        finish();
        completed = true;
    }

    /**
     * The queued frames, one per {@link #FRAME_DURATION} tick of the scheduler, until {@link #complete()} and the
     * queue is empty. Frames are emitted on the scheduler's threads.
     */
    public Flux<byte[]> frames() {
        return Flux.interval(FRAME_DURATION, FRAME_DURATION, scheduler)
                .onBackpressureDrop()
                .handle((tick, sink) -> {
                    byte[] frame = poll();
                    if (frame != null) {
                        sink.next(frame);
                    } else if (isDrained()) {
                        sink.complete();
                    }
                });
    }

    private synchronized byte @Nullable [] poll() {
        return queue.poll();
    }

    private synchronized boolean isDrained() {
        return completed && queue.isEmpty();
    }
}
