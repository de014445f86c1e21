package io.github.awsbidi.load;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.core.Frame;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A stream of binary audio frames through {@link BidirectionalSession#open()}: SageMaker endpoints and Bedrock
 * models other than Nova Sonic. Each response is matched with the oldest frame not yet answered, and the time
 * between them is a frame latency.
 */
final class FrameSession implements LiveSession {

    private final BidirectionalSession session;
    private final Measurements measurements;
    private final SendTimes sentAt = new SendTimes();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    // Exchange.send accepts one frame at a time: frames that arrive while one waits for buffer space queue here, as
    // a microphone's audio would (real time does not pause).
    private final Queue<Frame> waiting = new ArrayDeque<>();
    private volatile @Nullable Exchange exchange;
    private boolean sending;
    private boolean finishing;
    private long startedAt;
    private volatile boolean responded;

    FrameSession(BidirectionalSession session, Measurements measurements) {
        this.session = session;
        this.measurements = measurements;
    }

    @Override
    public CompletableFuture<Void> open() {
        startedAt = System.nanoTime();
        return session.open().toFuture().thenAccept(opened -> {
            exchange = opened;
            opened.responses().subscribe(this::received, ended::completeExceptionally, () -> ended.complete(null));
        });
    }

    @Override
    public void send(byte[] frame, boolean voiced, long nanos) {
        sentAt.add(nanos);
        measurements.frameSent(nanos);
        Frame next = Frame.binary(frame);
        synchronized (this) {
            if (sending) {
                waiting.add(next);
                return;
            }
            sending = true;
        }
        sendNow(next);
    }

    private void sendNow(Frame frame) {
        exchange().send(frame).subscribe(null, this::failed, this::sent);
    }

    private void sent() {
        Frame next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                sending = false;
                if (finishing) {
                    exchange().complete();
                }
                return;
            }
        }
        sendNow(next);
    }

    @Override
    public void finish() {
        synchronized (this) {
            finishing = true;
            if (sending) {
                return;
            }
        }
        exchange().complete();
    }

    private void received(Frame frame) {
        long now = System.nanoTime();
        if (!responded) {
            responded = true;
            measurements.firstResponse(startedAt, now);
        }
        measurements.response();
        long sent = sentAt.poll();
        if (sent != SendTimes.NONE) {
            measurements.latency(sent, now);
        }
    }

    private void failed(Throwable error) {
        ended.completeExceptionally(error);
        cancel();
    }

    @Override
    public CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public void cancel() {
        Exchange current = exchange;
        if (current != null) {
            current.cancel();
        }
    }

    private Exchange exchange() {
        Exchange current = exchange;
        if (current == null) {
            throw new IllegalStateException("not open");
        }
        return current;
    }
}
