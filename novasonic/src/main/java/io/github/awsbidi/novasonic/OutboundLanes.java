package io.github.awsbidi.novasonic;

import io.github.awsbidi.core.Frame;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The encoded events of one stream waiting for the HTTP/2 window: a normal lane in order, and an urgent lane
 * of whole blocks (tool results) that overtake the audio at the head of the normal lane. An urgent block never
 * overtakes anything but audio, so it cannot land inside a TEXT block or ahead of the opening sequence, and
 * once its first frame is out its other frames follow without interruption. Thread-safe.
 */
final class OutboundLanes {

    private record Entry(Frame frame, boolean audio) {}

    private final int capacity;
    private final Deque<Entry> normal = new ArrayDeque<>();
    private final Deque<List<Frame>> urgent = new ArrayDeque<>();
    private final Deque<Frame> sending = new ArrayDeque<>();
    private @Nullable FluxSink<Frame> sink;
    private boolean completed;

    OutboundLanes(int capacity) {
        this.capacity = capacity;
    }

    /** The frames in sending order; one subscriber. */
    Flux<Frame> flux() {
        return Flux.create(created -> {
            synchronized (this) {
                sink = created;
            }
            created.onRequest(n -> drain());
            drain();
        });
    }

    /**
     * Queues a frame at the end of the normal lane.
     *
     * @return false when the lanes are full or completed
     */
    synchronized boolean add(Frame frame, boolean audio) {
        if (completed || size() >= capacity) {
            return false;
        }
        normal.add(new Entry(frame, audio));
        drainLater();
        return true;
    }

    /** Queues a whole block in the urgent lane; false when completed. */
    synchronized boolean addUrgent(List<Frame> block) {
        if (completed) {
            return false;
        }
        urgent.add(List.copyOf(block));
        drainLater();
        return true;
    }

    /** No more frames: the flux completes once everything queued is sent. */
    void complete() {
        synchronized (this) {
            completed = true;
        }
        drain();
    }

    private int size() {
        return normal.size()
                + sending.size()
                + urgent.stream().mapToInt(List::size).sum();
    }

    private void drainLater() {
        // Called under the lock by producers: emitting from here is safe, FluxSink serialises.
        drain();
    }

    private synchronized void drain() {
        FluxSink<Frame> out = sink;
        if (out == null) {
            return;
        }
        while (out.requestedFromDownstream() > 0) {
            Frame next = poll();
            if (next == null) {
                break;
            }
            out.next(next);
        }
        if (completed && normal.isEmpty() && urgent.isEmpty() && sending.isEmpty()) {
            out.complete();
        }
    }

    private @Nullable Frame poll() {
        if (sending.isEmpty()
                && !urgent.isEmpty()
                && (normal.isEmpty() || normal.peek().audio())) {
            sending.addAll(urgent.poll());
        }
        if (!sending.isEmpty()) {
            return sending.poll();
        }
        Entry entry = normal.poll();
        return entry == null ? null : entry.frame();
    }
}
