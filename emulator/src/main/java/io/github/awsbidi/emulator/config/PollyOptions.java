package io.github.awsbidi.emulator.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the emulated Polly {@code StartSpeechSynthesisStream} behaves. Wall-clock durations are multiplied by
 * {@link #timeScale()} when scheduled, so a test can run the 10-minute limit in seconds; the audio itself is
 * never scaled.
 *
 * @param timeScale factor applied to every scheduled duration: 1.0 is real time, 0.01 is 100 times faster
 * @param idleTimeout how long a stream may go without an input event before Polly closes it (5 s, developer
 *     guide)
 * @param streamLimit how long a stream may last (10 minutes, developer guide)
 * @param synthesisDelay time from a sentence boundary (or {@code Force}) to its first audio
 * @param speechPerCharacter duration of speech per spoken character
 * @param audioChunkDuration audio carried by one {@code AudioEvent}
 * @param voices the voices {@code DescribeVoices} lists and streams accept
 * @param faults faults injected into every speech synthesis stream
 */
public record PollyOptions(
        double timeScale,
        Duration idleTimeout,
        Duration streamLimit,
        Duration synthesisDelay,
        Duration speechPerCharacter,
        Duration audioChunkDuration,
        List<PollyVoice> voices,
        Faults faults) {

    private static final List<String> GENERATIVE = List.of("generative", "long-form", "neural", "standard");

    /**
     * Voices AWS lists with the generative engine (a subset of the developer guide's "Available voices"), and
     * two that lack it, so that a wrong voice fails as it would against AWS.
     */
    public static final List<PollyVoice> BUILT_IN_VOICES = List.of(
            new PollyVoice("Joanna", "Female", "en-US", "US English", GENERATIVE),
            new PollyVoice("Matthew", "Male", "en-US", "US English", GENERATIVE),
            new PollyVoice("Ruth", "Female", "en-US", "US English", List.of("generative", "long-form", "neural")),
            new PollyVoice("Stephen", "Male", "en-US", "US English", List.of("generative", "neural")),
            new PollyVoice("Danielle", "Female", "en-US", "US English", List.of("generative", "long-form", "neural")),
            new PollyVoice("Amy", "Female", "en-GB", "British English", GENERATIVE),
            new PollyVoice("Lupe", "Female", "es-US", "US Spanish", List.of("generative", "neural", "standard")),
            new PollyVoice("Ivy", "Female", "en-US", "US English", List.of("neural", "standard")),
            new PollyVoice("Justin", "Male", "en-US", "US English", List.of("neural", "standard")));

    public PollyOptions {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a positive finite number, got " + timeScale);
        }
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("streamLimit", streamLimit);
        requirePositive("speechPerCharacter", speechPerCharacter);
        requirePositive("audioChunkDuration", audioChunkDuration);
        Objects.requireNonNull(synthesisDelay, "synthesisDelay");
        if (synthesisDelay.isNegative()) {
            throw new IllegalArgumentException("synthesisDelay must not be negative, got " + synthesisDelay);
        }
        if (audioChunkDuration.toMillis() < 10 || audioChunkDuration.toMillis() > 1000) {
            throw new IllegalArgumentException(
                    "audioChunkDuration must be between 10 ms and 1 s, got " + audioChunkDuration);
        }
        voices = List.copyOf(voices);
        Objects.requireNonNull(faults, "faults");
    }

    /** The documented limits in real time, the built-in voices, no faults. */
    public static PollyOptions defaults() {
        return new PollyOptions(
                1.0,
                Duration.ofSeconds(5),
                Duration.ofMinutes(10),
                Duration.ofMillis(150),
                Duration.ofMillis(60),
                Duration.ofMillis(100),
                BUILT_IN_VOICES,
                Faults.none());
    }

    /** The voice of that id (case-sensitive, as Polly's voice ids are). */
    public Optional<PollyVoice> voice(String id) {
        return voices.stream().filter(voice -> voice.id().equals(id)).findFirst();
    }

    public PollyOptions withTimeScale(double value) {
        return new PollyOptions(
                value,
                idleTimeout,
                streamLimit,
                synthesisDelay,
                speechPerCharacter,
                audioChunkDuration,
                voices,
                faults);
    }

    public PollyOptions withIdleTimeout(Duration value) {
        return new PollyOptions(
                timeScale, value, streamLimit, synthesisDelay, speechPerCharacter, audioChunkDuration, voices, faults);
    }

    public PollyOptions withStreamLimit(Duration value) {
        return new PollyOptions(
                timeScale, idleTimeout, value, synthesisDelay, speechPerCharacter, audioChunkDuration, voices, faults);
    }

    public PollyOptions withSynthesisDelay(Duration value) {
        return new PollyOptions(
                timeScale, idleTimeout, streamLimit, value, speechPerCharacter, audioChunkDuration, voices, faults);
    }

    public PollyOptions withSpeechPerCharacter(Duration value) {
        return new PollyOptions(
                timeScale, idleTimeout, streamLimit, synthesisDelay, value, audioChunkDuration, voices, faults);
    }

    public PollyOptions withVoices(List<PollyVoice> value) {
        return new PollyOptions(
                timeScale,
                idleTimeout,
                streamLimit,
                synthesisDelay,
                speechPerCharacter,
                audioChunkDuration,
                value,
                faults);
    }

    public PollyOptions withFaults(Faults value) {
        return new PollyOptions(
                timeScale,
                idleTimeout,
                streamLimit,
                synthesisDelay,
                speechPerCharacter,
                audioChunkDuration,
                voices,
                value);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
