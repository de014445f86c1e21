package io.github.awsbidi.emulator.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock under the test's control: set it, or let every reading advance it by a step. */
final class SteppingClock extends Clock {

    private Instant now;

    private final Duration step;

    SteppingClock(Instant start, Duration step) {
        this.now = start;
        this.step = step;
    }

    static SteppingClock fixed(Instant at) {
        return new SteppingClock(at, Duration.ZERO);
    }

    void set(Instant at) {
        this.now = at;
    }

    @Override
    public synchronized Instant instant() {
        Instant reading = this.now;
        this.now = this.now.plus(this.step);
        return reading;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
