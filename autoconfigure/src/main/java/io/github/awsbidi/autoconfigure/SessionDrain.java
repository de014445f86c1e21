package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.core.ExchangeGate;
import java.time.Duration;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Drains the sessions when the application context closes, before the client factory closes their clients: readiness
 * turns to {@link ReadinessState#REFUSING_TRAFFIC}, new exchanges fail at once (see {@link ExchangeGate}), every open
 * Nova Sonic conversation is closed with its closing sequence, and running exchanges get up to
 * {@code aws.bidi.shutdown.timeout} to finish. Its phase is below that of the web server's graceful shutdown, so
 * exchanges bridged to web requests have drained with it first; it stops before any bean is destroyed.
 * <p>
 * A paused context (Spring's test context cache pauses contexts it is not using) is not shutting down: the drain does
 * not take part in pausing, so the sessions keep their conversations and take exchanges when the context is used
 * again. A context stopped and started again reopens the gate and reports {@link ReadinessState#ACCEPTING_TRAFFIC}.
 */
final class SessionDrain implements SmartLifecycle {

    /** After web graceful shutdown ({@code DEFAULT_PHASE - 1024}), before the web server stops ({@code - 2048}). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

    private static final Log logger = LogFactory.getLog(SessionDrain.class);

    private final ExchangeGate gate;

    private final ObjectProvider<DrainParticipant> participants;

    private final Duration timeout;

    private final ApplicationEventPublisher events;

    private volatile boolean running;

    SessionDrain(
            ExchangeGate gate,
            ObjectProvider<DrainParticipant> participants,
            Duration timeout,
            ApplicationEventPublisher events) {
        this.gate = gate;
        this.participants = participants;
        this.timeout = timeout;
        this.events = events;
    }

    @Override
    public void start() {
        if (gate.isClosed()) {
            gate.reopen();
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        gate.close();
        int active = gate.active();
        if (active > 0) {
            logger.info("Draining aws.bidi sessions: waiting up to " + timeout + " for " + active
                    + " exchange(s) to finish; new exchanges are refused");
        }
        List<DrainParticipant> closing = participants.orderedStream().toList();
        closing.forEach(participant -> participant
                .drain()
                .subscribe(null, error -> logger.warn("Closing " + participant + " at shutdown failed", error)));
        try {
            if (!gate.awaitIdle(timeout)) {
                logger.warn("aws.bidi drain timed out after " + timeout + " with " + gate.active()
                        + " exchange(s) still running; they end when the clients close");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
