package io.github.awsbidi.emulator.novasonic;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link NovaSonicSimulator} behaves. Start from {@link #builder()} (the defaults) or {@link #toBuilder()}
 * and change what a test needs. Wall-clock durations are multiplied by {@link #timeScale()}
 * when scheduled; durations of audio content ({@link #endOfSpeechSilence()}) are measured in
 * samples and are not scaled.
 *
 * @param timeScale factor applied to every scheduled duration: 1.0 is real time, 0.01 is 100 times
 *        faster
 * @param sessionLimit how long a stream may last after {@code sessionStart} before it fails with
 *        {@code modelTimeoutException}
 * @param silenceTimeout how long the stream may go without any input event, once audio content has
 *        started, before it fails with the service's {@code InternalErrorCode=531} validation error
 * @param toolTriggers trigger word (matched case-insensitively in the user's turn) to the tool it
 *        calls; a trigger only fires when that tool is declared in {@code promptStart}
 * @param bargeIn whether user speech interrupts assistant audio that is still being sent
 * @param speechRmsThreshold RMS level, as a fraction of full scale, from which input audio counts
 *        as speech
 * @param endOfSpeechSilence audio below the threshold after speech that ends the user's turn
 *        (MEDIUM endpointing sensitivity; HIGH uses 60 % of it, LOW twice it)
 * @param instabilityAfterEvents when set, the stream fails with the transient
 *        {@code internalServerException} "System instability detected" after that many input events
 * @param responseDelay time the model "thinks" before it answers a turn or a tool result
 * @param speechPerCharacter duration of synthesized assistant speech per character of its text
 * @param audioChunkDuration duration of audio carried by each {@code audioOutput} event; chunks are
 *        paced in (scaled) real time
 * @param audioTranscript when set, what every user audio turn is transcribed to (lets audio-only
 *        clients trigger tools); otherwise a sentence describing the speech that was heard
 */
public record NovaSonicOptions(
        double timeScale,
        Duration sessionLimit,
        Duration silenceTimeout,
        Duration audioIdleTimeout,
        Map<String, String> toolTriggers,
        boolean bargeIn,
        double speechRmsThreshold,
        Duration endOfSpeechSilence,
        @Nullable Integer instabilityAfterEvents,
        Duration responseDelay,
        Duration speechPerCharacter,
        Duration audioChunkDuration,
        @Nullable String audioTranscript) {

    /** Validates the options and keeps the trigger order stable. */
    public NovaSonicOptions {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a positive finite number, got " + timeScale);
        }
        requirePositive("sessionLimit", sessionLimit);
        requirePositive("silenceTimeout", silenceTimeout);
        requirePositive("audioIdleTimeout", audioIdleTimeout);
        requirePositive("endOfSpeechSilence", endOfSpeechSilence);
        requirePositive("speechPerCharacter", speechPerCharacter);
        requirePositive("audioChunkDuration", audioChunkDuration);
        Objects.requireNonNull(responseDelay, "responseDelay");
        if (responseDelay.isNegative()) {
            throw new IllegalArgumentException("responseDelay must not be negative, got " + responseDelay);
        }
        if (audioChunkDuration.toMillis() < 10 || audioChunkDuration.toMillis() > 1000) {
            throw new IllegalArgumentException(
                    "audioChunkDuration must be between 10 ms and 1 s, got " + audioChunkDuration);
        }
        if (!(speechRmsThreshold > 0 && speechRmsThreshold <= 1)) {
            throw new IllegalArgumentException("speechRmsThreshold must be in (0, 1], got " + speechRmsThreshold);
        }
        if (instabilityAfterEvents != null && instabilityAfterEvents < 1) {
            throw new IllegalArgumentException(
                    "instabilityAfterEvents must be at least 1, got " + instabilityAfterEvents);
        }
        Objects.requireNonNull(toolTriggers, "toolTriggers");
        toolTriggers.forEach((word, tool) -> {
            if (word.isBlank() || tool.isBlank()) {
                throw new IllegalArgumentException("toolTriggers must not hold blank words or tool names");
            }
        });
        toolTriggers = Collections.unmodifiableMap(new LinkedHashMap<>(toolTriggers));
    }

    /**
     * The defaults: real time, 8-minute sessions, 175 s silence timeout, 55 s audio idle timeout,
     * "weather" triggers {@code getWeather}, barge-in on, speech from RMS 0.02, 0.5 s end-of-speech silence, no
     * injected instability, 200 ms response delay, 60 ms of speech per character, 80 ms audio chunks.
     * @return the default options
     */
    public static NovaSonicOptions defaults() {
        return builder().build();
    }

    /** A builder holding the {@linkplain #defaults() defaults}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Builds {@link NovaSonicOptions}, starting from the defaults; {@link #build()} validates them.
     */
    public static final class Builder {

        private double timeScale = 1.0;
        private Duration sessionLimit = Duration.ofMinutes(8);
        private Duration silenceTimeout = Duration.ofSeconds(175);
        private Duration audioIdleTimeout = Duration.ofSeconds(55);
        private Map<String, String> toolTriggers = Map.of("weather", "getWeather");
        private boolean bargeIn = true;
        private double speechRmsThreshold = 0.02;
        private Duration endOfSpeechSilence = Duration.ofMillis(500);
        private @Nullable Integer instabilityAfterEvents;
        private Duration responseDelay = Duration.ofMillis(200);
        private Duration speechPerCharacter = Duration.ofMillis(60);
        private Duration audioChunkDuration = Duration.ofMillis(80);
        private @Nullable String audioTranscript;

        private Builder() {}

        private Builder(NovaSonicOptions options) {
            this.timeScale = options.timeScale;
            this.sessionLimit = options.sessionLimit;
            this.silenceTimeout = options.silenceTimeout;
            this.audioIdleTimeout = options.audioIdleTimeout;
            this.toolTriggers = options.toolTriggers;
            this.bargeIn = options.bargeIn;
            this.speechRmsThreshold = options.speechRmsThreshold;
            this.endOfSpeechSilence = options.endOfSpeechSilence;
            this.instabilityAfterEvents = options.instabilityAfterEvents;
            this.responseDelay = options.responseDelay;
            this.speechPerCharacter = options.speechPerCharacter;
            this.audioChunkDuration = options.audioChunkDuration;
            this.audioTranscript = options.audioTranscript;
        }

        /**
         * @param value see {@link NovaSonicOptions#timeScale()}
         * @return this builder
         */
        public Builder timeScale(double value) {
            this.timeScale = value;
            return this;
        }

        /**
         * @param value see {@link NovaSonicOptions#sessionLimit()}
         * @return this builder
         */
        public Builder sessionLimit(Duration value) {
            this.sessionLimit = value;
            return this;
        }

        /**
         * @param value see {@link NovaSonicOptions#silenceTimeout()}
         * @return this builder
         */
        public Builder silenceTimeout(Duration value) {
            this.silenceTimeout = value;
            return this;
        }

        /**
         * @param value see {@link NovaSonicOptions#audioIdleTimeout()}
         * @return this builder
         */
        public Builder audioIdleTimeout(Duration value) {
            this.audioIdleTimeout = value;
            return this;
        }

        /**
         * @param value see {@link NovaSonicOptions#toolTriggers()}
         * @return this builder
         */
        public Builder toolTriggers(Map<String, String> value) {
            this.toolTriggers = value;
            return this;
        }

        /**
         * @param value see {@link NovaSonicOptions#bargeIn()}
         * @return this builder
         */
        public Builder bargeIn(boolean value) {
            this.bargeIn = value;
            return this;
        }

        /**
         * @param value see {@link NovaSonicOptions#speechRmsThreshold()}
         * @return this builder
         */
        public Builder speechRmsThreshold(double value) {
            this.speechRmsThreshold = value;
            return this;
        }

        /**
         * @param value see {@link NovaSonicOptions#endOfSpeechSilence()}
         * @return this builder
         */
        public Builder endOfSpeechSilence(Duration value) {
            this.endOfSpeechSilence = value;
            return this;
        }

        /**
         * @param value see {@link NovaSonicOptions#instabilityAfterEvents()}
         * @return this builder
         */
        public Builder instabilityAfterEvents(@Nullable Integer value) {
            this.instabilityAfterEvents = value;
            return this;
        }

        /**
         * @param value see {@link NovaSonicOptions#responseDelay()}
         * @return this builder
         */
        public Builder responseDelay(Duration value) {
            this.responseDelay = value;
            return this;
        }

        /**
         * @param value see {@link NovaSonicOptions#speechPerCharacter()}
         * @return this builder
         */
        public Builder speechPerCharacter(Duration value) {
            this.speechPerCharacter = value;
            return this;
        }

        /**
         * @param value see {@link NovaSonicOptions#audioChunkDuration()}
         * @return this builder
         */
        public Builder audioChunkDuration(Duration value) {
            this.audioChunkDuration = value;
            return this;
        }

        /**
         * @param value see {@link NovaSonicOptions#audioTranscript()}
         * @return this builder
         */
        public Builder audioTranscript(@Nullable String value) {
            this.audioTranscript = value;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException naming the first option out of range
         */
        public NovaSonicOptions build() {
            return new NovaSonicOptions(
                    timeScale,
                    sessionLimit,
                    silenceTimeout,
                    audioIdleTimeout,
                    toolTriggers,
                    bargeIn,
                    speechRmsThreshold,
                    endOfSpeechSilence,
                    instabilityAfterEvents,
                    responseDelay,
                    speechPerCharacter,
                    audioChunkDuration,
                    audioTranscript);
        }
    }

    /** The wall-clock nanoseconds a duration takes once scaled. */
    long scaledNanos(Duration duration) {
        return Math.max(0L, Math.round(duration.toNanos() * timeScale));
    }

    private static void requirePositive(String name, @Nullable Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
