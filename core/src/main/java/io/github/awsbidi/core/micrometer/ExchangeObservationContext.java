package io.github.awsbidi.core.micrometer;

import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.listener.ExchangeContext;
import io.github.awsbidi.core.listener.Outcome;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/** The observation context of one exchange: what conventions read to name and tag it. */
public final class ExchangeObservationContext extends Observation.Context {

    private final ExchangeContext exchange;
    private @Nullable Outcome outcome;
    private @Nullable ErrorKind errorKind;
    private long framesSent;
    private long framesReceived;

    public ExchangeObservationContext(ExchangeContext exchange) {
        this.exchange = exchange;
    }

    /** The exchange observed. */
    public ExchangeContext exchange() {
        return exchange;
    }

    /** How it ended; {@code null} while it runs. */
    public @Nullable Outcome outcome() {
        return outcome;
    }

    /** The kind of error it failed with, if it failed. */
    public @Nullable ErrorKind errorKind() {
        return errorKind;
    }

    /** Frames sent so far. */
    public long framesSent() {
        return framesSent;
    }

    /** Frames received so far. */
    public long framesReceived() {
        return framesReceived;
    }

    void outcome(Outcome value) {
        outcome = value;
    }

    void errorKind(ErrorKind value) {
        errorKind = value;
    }

    void countSent() {
        framesSent++;
    }

    void countReceived() {
        framesReceived++;
    }
}
