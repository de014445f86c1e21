package io.github.awsbidi.emulator.container;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of {@link ModelContainerClient} connections; {@link #defaults()} is what SageMaker does.
 *
 * @param pingInterval how often a WebSocket Ping is sent (SageMaker: 60 s)
 * @param maxUnansweredPings how many pings in a row may go unanswered before the connection is
 *     considered lost (SageMaker: 5)
 * @param maxFramePayloadBytes the largest frame accepted from the container; SageMaker never
 *     splits parts, so this must be large
 * @param closeTimeout how long to wait for the container's Close reply after {@link
 *     ContainerConnection#close} before dropping the TCP connection
 */
public record ContainerClientOptions(
        Duration pingInterval, int maxUnansweredPings, int maxFramePayloadBytes, Duration closeTimeout) {

    /** 16 MiB: no frame SageMaker forwards is larger. */
    public static final int DEFAULT_MAX_FRAME_PAYLOAD_BYTES = 16 * 1024 * 1024;

    public ContainerClientOptions {
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("pingInterval must be positive, was " + pingInterval);
        }
        if (maxUnansweredPings < 1) {
            throw new IllegalArgumentException("maxUnansweredPings must be at least 1, was " + maxUnansweredPings);
        }
        if (maxFramePayloadBytes < 1) {
            throw new IllegalArgumentException("maxFramePayloadBytes must be positive, was " + maxFramePayloadBytes);
        }
        if (closeTimeout.isNegative() || closeTimeout.isZero()) {
            throw new IllegalArgumentException("closeTimeout must be positive, was " + closeTimeout);
        }
    }

    /** SageMaker's behaviour: a ping every 60 s, lost after 5 unanswered, 16 MiB frames, 5 s close wait. */
    public static ContainerClientOptions defaults() {
        return new ContainerClientOptions(
                Duration.ofSeconds(60), 5, DEFAULT_MAX_FRAME_PAYLOAD_BYTES, Duration.ofSeconds(5));
    }

    /** A copy pinging every {@code interval}. */
    public ContainerClientOptions withPingInterval(Duration interval) {
        return new ContainerClientOptions(interval, maxUnansweredPings, maxFramePayloadBytes, closeTimeout);
    }
}
