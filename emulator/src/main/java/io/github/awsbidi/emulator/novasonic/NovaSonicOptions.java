package io.github.awsbidi.emulator.novasonic;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a {@link NovaSonicSimulator} behaves. Start from {@link #defaults()} and change what a test
 * needs with the {@code with…} methods. Wall-clock durations are multiplied by {@link #timeScale()}
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
            throw new IllegalArgumentException(
                    "speechRmsThreshold must be in (0, 1], got " + speechRmsThreshold);
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
        return new NovaSonicOptions(1.0, Duration.ofMinutes(8), Duration.ofSeconds(175), Duration.ofSeconds(55),
                Map.of("weather", "getWeather"), true, 0.02, Duration.ofMillis(500), null, Duration.ofMillis(200),
                Duration.ofMillis(60), Duration.ofMillis(80), null);
    }

    /**
     * @param value see {@link #timeScale()}
     * @return a copy with it changed
     */
    public NovaSonicOptions withTimeScale(double value) {
        return new NovaSonicOptions(value, sessionLimit, silenceTimeout, audioIdleTimeout, toolTriggers, bargeIn,
                speechRmsThreshold, endOfSpeechSilence, instabilityAfterEvents, responseDelay, speechPerCharacter,
                audioChunkDuration, audioTranscript);
    }

    /**
     * @param value see {@link #sessionLimit()}
     * @return a copy with it changed
     */
    public NovaSonicOptions withSessionLimit(Duration value) {
        return new NovaSonicOptions(timeScale, value, silenceTimeout, audioIdleTimeout, toolTriggers, bargeIn,
                speechRmsThreshold, endOfSpeechSilence, instabilityAfterEvents, responseDelay, speechPerCharacter,
                audioChunkDuration, audioTranscript);
    }

    /**
     * @param value see {@link #silenceTimeout()}
     * @return a copy with it changed
     */
    public NovaSonicOptions withSilenceTimeout(Duration value) {
        return new NovaSonicOptions(timeScale, sessionLimit, value, audioIdleTimeout, toolTriggers, bargeIn,
                speechRmsThreshold, endOfSpeechSilence, instabilityAfterEvents, responseDelay, speechPerCharacter,
                audioChunkDuration, audioTranscript);
    }

    /**
     * @param value see {@link #audioIdleTimeout()}
     * @return a copy with it changed
     */
    public NovaSonicOptions withAudioIdleTimeout(Duration value) {
        return new NovaSonicOptions(timeScale, sessionLimit, silenceTimeout, value, toolTriggers, bargeIn,
                speechRmsThreshold, endOfSpeechSilence, instabilityAfterEvents, responseDelay, speechPerCharacter,
                audioChunkDuration, audioTranscript);
    }

    /**
     * @param value see {@link #toolTriggers()}
     * @return a copy with it changed
     */
    public NovaSonicOptions withToolTriggers(Map<String, String> value) {
        return new NovaSonicOptions(timeScale, sessionLimit, silenceTimeout, audioIdleTimeout, value, bargeIn,
                speechRmsThreshold, endOfSpeechSilence, instabilityAfterEvents, responseDelay, speechPerCharacter,
                audioChunkDuration, audioTranscript);
    }

    /**
     * @param value see {@link #bargeIn()}
     * @return a copy with it changed
     */
    public NovaSonicOptions withBargeIn(boolean value) {
        return new NovaSonicOptions(timeScale, sessionLimit, silenceTimeout, audioIdleTimeout, toolTriggers, value,
                speechRmsThreshold, endOfSpeechSilence, instabilityAfterEvents, responseDelay, speechPerCharacter,
                audioChunkDuration, audioTranscript);
    }

    /**
     * @param value see {@link #speechRmsThreshold()}
     * @return a copy with it changed
     */
    public NovaSonicOptions withSpeechRmsThreshold(double value) {
        return new NovaSonicOptions(timeScale, sessionLimit, silenceTimeout, audioIdleTimeout, toolTriggers, bargeIn,
                value, endOfSpeechSilence, instabilityAfterEvents, responseDelay, speechPerCharacter,
                audioChunkDuration, audioTranscript);
    }

    /**
     * @param value see {@link #endOfSpeechSilence()}
     * @return a copy with it changed
     */
    public NovaSonicOptions withEndOfSpeechSilence(Duration value) {
        return new NovaSonicOptions(timeScale, sessionLimit, silenceTimeout, audioIdleTimeout, toolTriggers, bargeIn,
                speechRmsThreshold, value, instabilityAfterEvents, responseDelay, speechPerCharacter,
                audioChunkDuration, audioTranscript);
    }

    /**
     * @param value see {@link #instabilityAfterEvents()}
     * @return a copy with it changed
     */
    public NovaSonicOptions withInstabilityAfterEvents(@Nullable Integer value) {
        return new NovaSonicOptions(timeScale, sessionLimit, silenceTimeout, audioIdleTimeout, toolTriggers, bargeIn,
                speechRmsThreshold, endOfSpeechSilence, value, responseDelay, speechPerCharacter, audioChunkDuration,
                audioTranscript);
    }

    /**
     * @param value see {@link #responseDelay()}
     * @return a copy with it changed
     */
    public NovaSonicOptions withResponseDelay(Duration value) {
        return new NovaSonicOptions(timeScale, sessionLimit, silenceTimeout, audioIdleTimeout, toolTriggers, bargeIn,
                speechRmsThreshold, endOfSpeechSilence, instabilityAfterEvents, value, speechPerCharacter,
                audioChunkDuration, audioTranscript);
    }

    /**
     * @param value see {@link #speechPerCharacter()}
     * @return a copy with it changed
     */
    public NovaSonicOptions withSpeechPerCharacter(Duration value) {
        return new NovaSonicOptions(timeScale, sessionLimit, silenceTimeout, audioIdleTimeout, toolTriggers, bargeIn,
                speechRmsThreshold, endOfSpeechSilence, instabilityAfterEvents, responseDelay, value,
                audioChunkDuration, audioTranscript);
    }

    /**
     * @param value see {@link #audioChunkDuration()}
     * @return a copy with it changed
     */
    public NovaSonicOptions withAudioChunkDuration(Duration value) {
        return new NovaSonicOptions(timeScale, sessionLimit, silenceTimeout, audioIdleTimeout, toolTriggers, bargeIn,
                speechRmsThreshold, endOfSpeechSilence, instabilityAfterEvents, responseDelay, speechPerCharacter,
                value, audioTranscript);
    }

    /**
     * @param value see {@link #audioTranscript()}
     * @return a copy with it changed
     */
    public NovaSonicOptions withAudioTranscript(@Nullable String value) {
        return new NovaSonicOptions(timeScale, sessionLimit, silenceTimeout, audioIdleTimeout, toolTriggers, bargeIn,
                speechRmsThreshold, endOfSpeechSilence, instabilityAfterEvents, responseDelay, speechPerCharacter,
                audioChunkDuration, value);
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
