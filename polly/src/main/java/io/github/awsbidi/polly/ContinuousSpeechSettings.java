package io.github.awsbidi.polly;

import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * How {@link ContinuousSpeech} keeps a Polly stream alive and renews it.
 *
 * @param keepAliveAfter how long the caller's text may pause before a whitespace {@code TextEvent} keeps the stream
 *     open; under Polly's 5 s idle close (developer guide)
 * @param streamLimit how long Polly lets one stream last (10 minutes, developer guide)
 * @param renewalMargin how long before {@code streamLimit} the text moves to a new stream, at the next sentence
 *     boundary
 * @param forceMargin how long before {@code streamLimit} the text moves even without a sentence boundary
 * @param options the options of every stream opened
 * @param scheduler the clock and timers (a virtual-time scheduler in tests)
 */
public record ContinuousSpeechSettings(
        Duration keepAliveAfter,
        Duration streamLimit,
        Duration renewalMargin,
        Duration forceMargin,
        ExchangeOptions options,
        Scheduler scheduler) {

    /** Polly closes a stream after 5 s without an input event. */
    public static final Duration POLLY_IDLE_CLOSE = Duration.ofSeconds(5);

    /** Polly's limit on one stream. */
    public static final Duration POLLY_STREAM_LIMIT = Duration.ofMinutes(10);

    public ContinuousSpeechSettings {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(scheduler, "scheduler");
        InvalidSettingException.require(
                keepAliveAfter != null && positive(keepAliveAfter),
                "keepAliveAfter",
                keepAliveAfter,
                "must be positive");
        InvalidSettingException.require(
                streamLimit != null && positive(streamLimit), "streamLimit", streamLimit, "must be positive");
        InvalidSettingException.require(
                forceMargin != null && positive(forceMargin) && forceMargin.compareTo(streamLimit) < 0,
                "forceMargin",
                forceMargin,
                "must be positive and under streamLimit");
        InvalidSettingException.require(
                renewalMargin != null
                        && renewalMargin.compareTo(forceMargin) > 0
                        && renewalMargin.compareTo(streamLimit) < 0,
                "renewalMargin",
                renewalMargin,
                "must be over forceMargin and under streamLimit");
    }

    /**
     * Keep-alive after 3 s of silence, renewal from 30 s before the 10-minute limit at a sentence boundary, forced
     * 5 s before it; replaying text a refused open took (it spoke nothing).
     */
    public static ContinuousSpeechSettings defaults() {
        return new ContinuousSpeechSettings(
                Duration.ofSeconds(3),
                POLLY_STREAM_LIMIT,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                ExchangeOptions.defaults().withReplayUnconfirmed(true),
                Schedulers.parallel());
    }

    /** These settings with every duration multiplied by {@code factor} (for time-scaled tests). */
    public ContinuousSpeechSettings scaled(double factor) {
        return new ContinuousSpeechSettings(
                scale(keepAliveAfter, factor),
                scale(streamLimit, factor),
                scale(renewalMargin, factor),
                scale(forceMargin, factor),
                options,
                scheduler);
    }

    public ContinuousSpeechSettings withKeepAliveAfter(Duration value) {
        return new ContinuousSpeechSettings(value, streamLimit, renewalMargin, forceMargin, options, scheduler);
    }

    public ContinuousSpeechSettings withScheduler(Scheduler value) {
        return new ContinuousSpeechSettings(keepAliveAfter, streamLimit, renewalMargin, forceMargin, options, value);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static Duration scale(Duration duration, double factor) {
        return Duration.ofNanos((long) (duration.toNanos() * factor));
    }
}
