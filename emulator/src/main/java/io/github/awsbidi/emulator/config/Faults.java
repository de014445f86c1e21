package io.github.awsbidi.emulator.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Faults injected into the streams of one endpoint or model. Frame counts are request events
 * received from the client on that stream; {@code null} means the fault is off.
 *
 * @param firstResponseDelay delay before the response headers are sent
 * @param inStreamError a modeled exception sent in the stream after some request events
 * @param resetAfterFrames send RST_STREAM (INTERNAL_ERROR) after this many request events
 * @param goAwayAfterFrames send GOAWAY on the connection after this many request events
 * @param closeConnectionAfterFrames close the TCP connection after this many request events
 * @param openError answer the open with an HTTP error, for the first N opens
 */
public record Faults(
        @Nullable Duration firstResponseDelay,
        @Nullable InStreamError inStreamError,
        @Nullable Integer resetAfterFrames,
        @Nullable Integer goAwayAfterFrames,
        @Nullable Integer closeConnectionAfterFrames,
        @Nullable OpenError openError) {

    private static final Faults NONE = new Faults(null, null, null, null, null, null);

    /** No faults. */
    public static Faults none() {
        return NONE;
    }

    public Faults withFirstResponseDelay(@Nullable Duration delay) {
        return new Faults(
                delay, inStreamError, resetAfterFrames, goAwayAfterFrames, closeConnectionAfterFrames, openError);
    }

    public Faults withInStreamError(String type, int afterFrames, String message) {
        return new Faults(
                firstResponseDelay,
                new InStreamError(type, afterFrames, message),
                resetAfterFrames,
                goAwayAfterFrames,
                closeConnectionAfterFrames,
                openError);
    }

    public Faults withResetAfterFrames(int frames) {
        return new Faults(
                firstResponseDelay, inStreamError, frames, goAwayAfterFrames, closeConnectionAfterFrames, openError);
    }

    public Faults withGoAwayAfterFrames(int frames) {
        return new Faults(
                firstResponseDelay, inStreamError, resetAfterFrames, frames, closeConnectionAfterFrames, openError);
    }

    public Faults withCloseConnectionAfterFrames(int frames) {
        return new Faults(firstResponseDelay, inStreamError, resetAfterFrames, goAwayAfterFrames, frames, openError);
    }

    public Faults withOpenError(String errorType, int count, String message) {
        return new Faults(
                firstResponseDelay,
                inStreamError,
                resetAfterFrames,
                goAwayAfterFrames,
                closeConnectionAfterFrames,
                new OpenError(errorType, count, message));
    }
}
