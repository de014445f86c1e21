package io.github.awsbidi.core.retry;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.InvalidSettingException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * How opening a stream is retried. Only <em>opening</em> is retried: once the service has answered with response
 * headers, a failure ends the exchange. A failure is retried when it is {@link BidiStreamException#retryable()},
 * its kind is in {@code retryOn}, fewer than {@code maxAttempts} attempts were made and the next delay still fits in
 * {@code maxElapsed}. Delays grow exponentially from {@code initialBackoff} to {@code maxBackoff} with "equal
 * jitter": a uniformly random delay between half and all of the exponential value, so a burst of callers
 * throttled together spreads out, yet none retries at once.
 * <p>
 * The AWS SDK's own retries must stay off for these calls (the client factory does so): they resubscribe the
 * request publisher, which a stream cannot allow.
 *
 * @param maxAttempts the most attempts in total, the first included (1 disables retries)
 * @param initialBackoff the delay before the first retry, before jitter
 * @param maxBackoff the cap on any one delay, before jitter
 * @param maxElapsed the cap on the sum of all delays of one exchange
 * @param retryOn the kinds of failure that may be retried
 * @param maxReplayBytes how many payload bytes of frames are kept until the service answers, to send again after
 *        an open the service refused with an error status (or after any failed open, when the exchange opts in to
 *        replay); beyond that the exchange is no longer retried
 */
public record RetryPolicy(
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxElapsed,
        Set<ErrorKind> retryOn,
        int maxReplayBytes) {

    /** The kinds retried by default: throttling, unavailability, transient model errors, connection failures. */
    public static final Set<ErrorKind> DEFAULT_RETRY_ON = Set.copyOf(EnumSet.of(
            ErrorKind.THROTTLING,
            ErrorKind.UNAVAILABLE,
            ErrorKind.MODEL_ERROR,
            ErrorKind.MODEL_NOT_READY,
            ErrorKind.CONNECTION));

    private static final RetryPolicy DEFAULTS = new RetryPolicy(
            4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(20), DEFAULT_RETRY_ON, 1024 * 1024);

    private static final RetryPolicy NONE =
            new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Set.of(), 0);

    public RetryPolicy {
        InvalidSettingException.require(maxAttempts >= 1, "maxAttempts", maxAttempts, "must be at least 1");
        requireNotNegative("initialBackoff", initialBackoff);
        requireNotNegative("maxBackoff", maxBackoff);
        requireNotNegative("maxElapsed", maxElapsed);
        InvalidSettingException.require(
                maxBackoff.compareTo(initialBackoff) >= 0,
                "maxBackoff",
                maxBackoff,
                "must not be below initialBackoff (" + initialBackoff + ")");
        InvalidSettingException.require(maxReplayBytes >= 0, "maxReplayBytes", maxReplayBytes, "must not be negative");
        retryOn = Set.copyOf(Objects.requireNonNull(retryOn, "retryOn"));
    }

    /** Four attempts, 200 ms doubling to 5 s, at most 20 s of waiting in all, {@link #DEFAULT_RETRY_ON}. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** This policy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxElapsed, retryOn, maxReplayBytes);
    }

    /** This policy with other back-off bounds. */
    public RetryPolicy withBackoff(Duration initialBackoff, Duration maxBackoff) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxElapsed, retryOn, maxReplayBytes);
    }

    /** This policy with another total delay budget. */
    public RetryPolicy withMaxElapsed(Duration maxElapsed) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxElapsed, retryOn, maxReplayBytes);
    }

    /** This policy retrying other kinds of failure. */
    public RetryPolicy withRetryOn(Set<ErrorKind> retryOn) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxElapsed, retryOn, maxReplayBytes);
    }

    /** This policy with another replay limit. */
    public RetryPolicy withMaxReplayBytes(int maxReplayBytes) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxElapsed, retryOn, maxReplayBytes);
    }

    /** Whether {@code error} is of a kind this policy retries (attempts and budget aside). */
    public boolean retries(BidiStreamException error) {
        return error.retryable() && retryOn.contains(error.kind());
    }

    /**
     * The exponential delay before retry number {@code retry} (1 for the first retry), before jitter:
     * {@code min(maxBackoff, initialBackoff * 2^(retry-1))}.
     */
    public Duration exponentialBackoff(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1, was " + retry);
        }
        long initial = initialBackoff.toNanos();
        long max = maxBackoff.toNanos();
        int shift = Math.min(retry - 1, 62);
        long exponential = initial > (max >> shift) ? max : initial << shift;
        return Duration.ofNanos(Math.min(exponential, max));
    }

    /**
     * The jittered delay before retry number {@code retry}: uniformly between half and all of
     * {@link #exponentialBackoff(int)}, {@code random} giving a value in {@code [0, 1)}.
     */
    public Duration backoff(int retry, DoubleSupplier random) {
        long exponential = exponentialBackoff(retry).toNanos();
        long half = exponential / 2;
        return Duration.ofNanos(half + (long) (random.getAsDouble() * (exponential - half)));
    }

    private static void requireNotNegative(String field, Duration value) {
        Objects.requireNonNull(value, field);
        InvalidSettingException.require(!value.isNegative(), field, value, "must not be negative");
    }
}
