package io.github.awsbidi.novasonic;

import io.github.awsbidi.core.InvalidSettingException;
import io.github.awsbidi.novasonic.event.EndpointingSensitivity;
import io.github.awsbidi.novasonic.event.ToolChoice;
import io.github.awsbidi.novasonic.history.Turn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything a Nova Sonic conversation is configured with, validated against the service's limits
 * when built ({@link InvalidSettingException} names the field, the value and the limit). Start from
 * {@link #builder()}; every field has a default.
 *
 * @param systemPrompt instructions sent as the SYSTEM text block; blank sends none
 * @param voiceId the voice of the assistant's speech, e.g. {@code matthew}, {@code tiffany}, {@code amy}
 * @param inputSampleRate rate of the user audio passed to {@code sendAudio}: 8000, 16000 or 24000 Hz
 * @param outputSampleRate rate of the assistant's speech: 8000, 16000 or 24000 Hz
 * @param maxTokens 1 to 10000
 * @param topP 0 to 1
 * @param temperature 0 to 1
 * @param endpointingSensitivity how quickly the model decides that the user finished speaking
 * @param toolChoice how the model picks tools; {@code null} leaves it to the service (auto)
 * @param tools the tools the model may call, with their handlers
 * @param history earlier turns to continue from (shaped to the chat-history limits when sent)
 * @param renewal when and how the conversation moves to a fresh stream before the service's limit
 * @param recovery how the conversation restarts after a recoverable stream error
 * @param keepAlive how the conversation keeps its stream alive while no user audio comes
 * @param speechPrompt instructions on how to speak, sent as a SYSTEM_SPEECH block after the system prompt;
 *     blank sends none
 */
public record NovaSonicSettings(
        String systemPrompt,
        String voiceId,
        int inputSampleRate,
        int outputSampleRate,
        int maxTokens,
        double topP,
        double temperature,
        EndpointingSensitivity endpointingSensitivity,
        @Nullable ToolChoice toolChoice,
        List<NovaSonicTool> tools,
        List<Turn> history,
        Renewal renewal,
        Recovery recovery,
        KeepAlive keepAlive,
        String speechPrompt) {

    /** The default system prompt: short answers suit speech. */
    public static final String DEFAULT_SYSTEM_PROMPT = "You are a friendly assistant. The user and you will engage "
            + "in a spoken dialog exchanging the transcripts of a natural real-time conversation. "
            + "Keep your responses short, generally two or three sentences for chatty scenarios.";

    private static final Set<Integer> SAMPLE_RATES = Set.of(8_000, 16_000, 24_000);

    public NovaSonicSettings {
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        require(voiceId != null && !voiceId.isBlank(), "voiceId", voiceId, "must not be blank");
        require(
                SAMPLE_RATES.contains(inputSampleRate),
                "inputSampleRate",
                inputSampleRate,
                "must be 8000, 16000 or 24000 Hz");
        require(
                SAMPLE_RATES.contains(outputSampleRate),
                "outputSampleRate",
                outputSampleRate,
                "must be 8000, 16000 or 24000 Hz");
        require(maxTokens >= 1 && maxTokens <= 10_000, "maxTokens", maxTokens, "must be between 1 and 10000");
        require(topP >= 0 && topP <= 1, "topP", topP, "must be between 0 and 1");
        require(temperature >= 0 && temperature <= 1, "temperature", temperature, "must be between 0 and 1");
        Objects.requireNonNull(endpointingSensitivity, "endpointingSensitivity");
        tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
        history = List.copyOf(Objects.requireNonNull(history, "history"));
        Objects.requireNonNull(renewal, "renewal");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(speechPrompt, "speechPrompt");
        ToolsValidation.validate(tools, toolChoice);
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: matthew, 16 kHz in, 24 kHz out, 1024 tokens, topP 0.9, temperature 0.7, MEDIUM endpointing. */
    public static NovaSonicSettings defaults() {
        return builder().build();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The tool with this name, or {@code null}. */
    public @Nullable NovaSonicTool tool(String name) {
        for (NovaSonicTool tool : tools) {
            if (tool.name().equals(name)) {
                return tool;
            }
        }
        return null;
    }

    static void require(boolean condition, String field, @Nullable Object value, String limit) {
        InvalidSettingException.require(condition, field, value, limit);
    }

    static void requirePositive(Duration duration, String field) {
        require(duration != null && !duration.isNegative() && !duration.isZero(), field, duration, "must be positive");
    }

    /**
     * Moving to a fresh stream before the service ends the current one. Renewal causes: the stream's age
     * ({@code threshold}), temporary credentials close to expiry ({@code credentialsLead}), a change of the
     * tool set, and a long stretch without assistant audio ({@code assistantSilence}, which also keeps a
     * quiet call clear of the service's ~175 s long-silence limit).
     *
     * @param enabled whether the conversation renews streams at all
     * @param threshold stream age from which the next turn boundary triggers the hand-off
     * @param forceAfter how long after the threshold the hand-off happens even without a boundary
     * @param audioReplay how much of the latest user audio is replayed to the new stream
     * @param preOpenedIdleLimit how long a pre-opened next stream may wait before it is re-created
     * @param credentialsLead how long before temporary credentials expire the stream is renewed (a
     *     credential refresh mid-stream breaks the HTTP/2 connection)
     * @param assistantSilence how long a stream may go without assistant audio before it is handed off
     *     (peers force the switch after 80 to 100 s)
     */
    public record Renewal(
            boolean enabled,
            Duration threshold,
            Duration forceAfter,
            Duration audioReplay,
            Duration preOpenedIdleLimit,
            Duration credentialsLead,
            Duration assistantSilence) {

        /**
         * 6 minutes, forced 90 s later, 3 s of audio replayed, pre-opened streams kept 30 s, 5 minutes
         * before credentials expire, after 90 s without assistant audio.
         */
        public static final Renewal DEFAULTS = new Renewal(
                true,
                Duration.ofMinutes(6),
                Duration.ofSeconds(90),
                Duration.ofSeconds(3),
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                Duration.ofSeconds(90));

        public Renewal {
            requirePositive(threshold, "renewal.threshold");
            requirePositive(forceAfter, "renewal.forceAfter");
            require(
                    audioReplay != null
                            && !audioReplay.isNegative()
                            && audioReplay.compareTo(Duration.ofSeconds(30)) <= 0,
                    "renewal.audioReplay",
                    audioReplay,
                    "must be between 0 and 30 s");
            requirePositive(preOpenedIdleLimit, "renewal.preOpenedIdleLimit");
            Objects.requireNonNull(credentialsLead, "renewal.credentialsLead");
            require(!credentialsLead.isNegative(), "renewal.credentialsLead", credentialsLead, "must not be negative");
            requirePositive(assistantSilence, "renewal.assistantSilence");
        }

        /** The first five settings, with the default credentials lead and assistant silence. */
        public Renewal(
                boolean enabled,
                Duration threshold,
                Duration forceAfter,
                Duration audioReplay,
                Duration preOpenedIdleLimit) {
            this(
                    enabled,
                    threshold,
                    forceAfter,
                    audioReplay,
                    preOpenedIdleLimit,
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(90));
        }

        /** No renewal: the conversation ends with its stream. */
        public static Renewal disabled() {
            return new Renewal(
                    false,
                    DEFAULTS.threshold,
                    DEFAULTS.forceAfter,
                    DEFAULTS.audioReplay,
                    DEFAULTS.preOpenedIdleLimit,
                    DEFAULTS.credentialsLead,
                    DEFAULTS.assistantSilence);
        }

        /** A copy with another credentials lead. */
        public Renewal withCredentialsLead(Duration value) {
            return new Renewal(
                    enabled, threshold, forceAfter, audioReplay, preOpenedIdleLimit, value, assistantSilence);
        }

        /** A copy with another assistant-silence limit. */
        public Renewal withAssistantSilence(Duration value) {
            return new Renewal(enabled, threshold, forceAfter, audioReplay, preOpenedIdleLimit, credentialsLead, value);
        }
    }

    /**
     * Keeping a stream alive while the caller sends no audio (the user is muted, a tool runs, the assistant
     * speaks first): the service ends a stream after about 55 s without audio input, so the conversation
     * streams silence in real time into any gap longer than {@code gap}. Silence costs no tokens.
     *
     * @param enabled whether silence fills gaps in the caller's audio
     * @param gap how long the caller's audio may pause before silence is streamed (10 ms to 30 s)
     */
    public record KeepAlive(boolean enabled, Duration gap) {

        /** On, after 1 s without audio. */
        public static final KeepAlive DEFAULTS = new KeepAlive(true, Duration.ofSeconds(1));

        public KeepAlive {
            requirePositive(gap, "keepAlive.gap");
            require(
                    gap.compareTo(Duration.ofMillis(10)) >= 0 && gap.compareTo(Duration.ofSeconds(30)) <= 0,
                    "keepAlive.gap",
                    gap,
                    "must be between 10 ms and 30 s");
        }

        /** No keep-alive: the caller streams audio (or silence) itself. */
        public static KeepAlive disabled() {
            return new KeepAlive(false, DEFAULTS.gap);
        }
    }

    /**
     * Restarting after a recoverable stream error (idle reset, "System instability", model timeout,
     * throttling, unavailable, model stream error), with exponential back-off.
     *
     * @param enabled whether recoverable errors restart the stream (else they close the conversation)
     * @param maxAttempts restarts in a row before giving up
     * @param initialBackoff the first delay; each further attempt doubles it
     * @param maxBackoff the longest delay
     */
    public record Recovery(boolean enabled, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

        /** 5 attempts, 250 ms doubling up to 5 s. */
        public static final Recovery DEFAULTS = new Recovery(true, 5, Duration.ofMillis(250), Duration.ofSeconds(5));

        public Recovery {
            require(
                    maxAttempts >= 0 && maxAttempts <= 100,
                    "recovery.maxAttempts",
                    maxAttempts,
                    "must be between 0 and 100");
            requirePositive(initialBackoff, "recovery.initialBackoff");
            requirePositive(maxBackoff, "recovery.maxBackoff");
            require(
                    maxBackoff.compareTo(initialBackoff) >= 0,
                    "recovery.maxBackoff",
                    maxBackoff,
                    "must not be shorter than recovery.initialBackoff (" + initialBackoff + ")");
        }

        /** The delay before restart {@code attempt} (1-based): doubling from the initial back-off, at most the maximum. */
        public Duration backoff(int attempt) {
            Duration delay = initialBackoff;
            for (int i = 1; i < attempt && delay.compareTo(maxBackoff) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
        }

        /** No recovery: a stream error closes the conversation. */
        public static Recovery disabled() {
            return new Recovery(false, 0, DEFAULTS.initialBackoff, DEFAULTS.maxBackoff);
        }
    }

    /** Builds {@link NovaSonicSettings}; validation happens in {@link #build()}. */
    public static final class Builder {

        private String systemPrompt = DEFAULT_SYSTEM_PROMPT;
        private String voiceId = "matthew";
        private int inputSampleRate = 16_000;
        private int outputSampleRate = 24_000;
        private int maxTokens = 1024;
        private double topP = 0.9;
        private double temperature = 0.7;
        private EndpointingSensitivity endpointingSensitivity = EndpointingSensitivity.MEDIUM;
        private @Nullable ToolChoice toolChoice;
        private final List<NovaSonicTool> tools = new ArrayList<>();
        private final List<Turn> history = new ArrayList<>();
        private Renewal renewal = Renewal.DEFAULTS;
        private Recovery recovery = Recovery.DEFAULTS;
        private KeepAlive keepAlive = KeepAlive.DEFAULTS;
        private String speechPrompt = "";

        private Builder() {}

        private Builder(NovaSonicSettings settings) {
            systemPrompt = settings.systemPrompt;
            voiceId = settings.voiceId;
            inputSampleRate = settings.inputSampleRate;
            outputSampleRate = settings.outputSampleRate;
            maxTokens = settings.maxTokens;
            topP = settings.topP;
            temperature = settings.temperature;
            endpointingSensitivity = settings.endpointingSensitivity;
            toolChoice = settings.toolChoice;
            tools.addAll(settings.tools);
            history.addAll(settings.history);
            renewal = settings.renewal;
            recovery = settings.recovery;
            keepAlive = settings.keepAlive;
            speechPrompt = settings.speechPrompt;
        }

        public Builder systemPrompt(String systemPrompt) {
            this.systemPrompt = systemPrompt;
            return this;
        }

        public Builder voiceId(String voiceId) {
            this.voiceId = voiceId;
            return this;
        }

        public Builder inputSampleRate(int inputSampleRate) {
            this.inputSampleRate = inputSampleRate;
            return this;
        }

        public Builder outputSampleRate(int outputSampleRate) {
            this.outputSampleRate = outputSampleRate;
            return this;
        }

        public Builder maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder topP(double topP) {
            this.topP = topP;
            return this;
        }

        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder endpointingSensitivity(EndpointingSensitivity endpointingSensitivity) {
            this.endpointingSensitivity = endpointingSensitivity;
            return this;
        }

        public Builder toolChoice(@Nullable ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /** Adds a tool. */
        public Builder tool(String name, String description, String inputSchema, ToolHandler handler) {
            return tool(new NovaSonicTool(name, description, inputSchema, handler));
        }

        /** Adds a tool. */
        public Builder tool(NovaSonicTool tool) {
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        /** Replaces the tools. */
        public Builder tools(List<NovaSonicTool> tools) {
            this.tools.clear();
            this.tools.addAll(tools);
            return this;
        }

        /** Replaces the history to continue from. */
        public Builder history(List<Turn> history) {
            this.history.clear();
            this.history.addAll(history);
            return this;
        }

        public Builder renewal(Renewal renewal) {
            this.renewal = renewal;
            return this;
        }

        public Builder recovery(Recovery recovery) {
            this.recovery = recovery;
            return this;
        }

        /** Instructions on how to speak (the SYSTEM_SPEECH role); blank sends none. */
        public Builder speechPrompt(String speechPrompt) {
            this.speechPrompt = speechPrompt;
            return this;
        }

        public Builder keepAlive(KeepAlive keepAlive) {
            this.keepAlive = keepAlive;
            return this;
        }

        /**
         * Validated settings.
         *
         * @throws InvalidSettingException naming the first field out of range
         */
        public NovaSonicSettings build() {
            return new NovaSonicSettings(
                    systemPrompt,
                    voiceId,
                    inputSampleRate,
                    outputSampleRate,
                    maxTokens,
                    topP,
                    temperature,
                    endpointingSensitivity,
                    toolChoice,
                    tools,
                    history,
                    renewal,
                    recovery,
                    keepAlive,
                    speechPrompt);
        }
    }
}
