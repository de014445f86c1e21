package io.github.awsbidi.emulator.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** A listener that records what a container sent, for tests to await. */
final class RecordingListener implements ContainerListener {

    record Closed(int statusCode, String reason) {}

    private final BlockingQueue<ContainerFrame> frames = new LinkedBlockingQueue<>();
    private final AtomicReference<@Nullable Closed> closed = new AtomicReference<>();
    private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
    private final AtomicInteger terminalCallbacks = new AtomicInteger();

    @Override
    public void onFrame(ContainerFrame frame) {
        frames.add(frame);
    }

    @Override
    public void onClose(int statusCode, String reason) {
        closed.set(new Closed(statusCode, reason));
        terminalCallbacks.incrementAndGet();
    }

    @Override
    public void onFailure(Throwable cause) {
        failure.set(cause);
        terminalCallbacks.incrementAndGet();
    }

    /** The next frame, waiting up to 10 s for it. */
    ContainerFrame nextFrame() throws InterruptedException {
        ContainerFrame frame = frames.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("a frame from the container within 10 s").isNotNull();
        return frame;
    }

    List<ContainerFrame> nextFrames(int count) throws InterruptedException {
        List<ContainerFrame> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(nextFrame());
        }
        return received;
    }

    String nextText() throws InterruptedException {
        ContainerFrame frame = nextFrame();
        assertThat(frame.type()).isEqualTo(PayloadType.UTF8);
        return frame.text();
    }

    boolean hasPendingFrames() {
        return !frames.isEmpty();
    }

    @Nullable
    Closed closed() {
        return closed.get();
    }

    @Nullable
    Throwable failure() {
        return failure.get();
    }

    int terminalCallbacks() {
        return terminalCallbacks.get();
    }
}
