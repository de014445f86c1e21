package io.github.awsbidi.emulator;

import io.github.awsbidi.emulator.stream.StreamObserver;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of the emulator's bidirectional streams and connections, so tests can see what the server saw. */
public final class EmulatorStats {

    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong resetByClient = new AtomicLong();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong connections = new AtomicLong();
    private final StreamObserver observer = new StreamObserver() {
        @Override
        public void opened() {
            opened.incrementAndGet();
            active.incrementAndGet();
        }

        @Override
        public void completed() {
            completed.incrementAndGet();
        }

        @Override
        public void resetByClient() {
            resetByClient.incrementAndGet();
        }

        @Override
        public void closed() {
            active.decrementAndGet();
        }
    };

    EmulatorStats() {}

    /** Streams answered with status 200. */
    public long streamsOpened() {
        return opened.get();
    }

    /** Streams whose response ended cleanly or with a modeled error. */
    public long streamsCompleted() {
        return completed.get();
    }

    /** Streams the client reset (RST_STREAM) or abandoned by closing its connection. */
    public long streamsResetByClient() {
        return resetByClient.get();
    }

    /** Streams open right now. */
    public int activeStreams() {
        return active.get();
    }

    /** TCP connections accepted (whatever they then carried): a client that gets a GOAWAY opens a new one. */
    public long connectionsAccepted() {
        return connections.get();
    }

    void connectionAccepted() {
        connections.incrementAndGet();
    }

    StreamObserver observer() {
        return observer;
    }

    @Override
    public String toString() {
        return "EmulatorStats[opened=" + streamsOpened() + ", completed=" + streamsCompleted() + ", resetByClient="
                + streamsResetByClient() + ", active=" + activeStreams() + ", connections=" + connectionsAccepted()
                + "]";
    }
}
