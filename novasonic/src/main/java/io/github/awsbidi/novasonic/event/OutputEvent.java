package io.github.awsbidi.novasonic.event;

import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event Nova Sonic sends. Every known event keeps the members this library does not model in
 * {@link #extra()} (keyed by their dotted path, e.g. {@code "details.delta.input.imageTokens"}, with
 * plain Java values), and an event whose name is unknown arrives as {@link Unknown} with its raw JSON,
 * so nothing the service sends is silently dropped.
 */
public sealed interface OutputEvent {

    /** The event's name inside the {@code {"event":{"<name>":…}}} envelope. */
    String eventName();

    /** Members of the event this library does not model (also known members whose value was not understood). */
    Map<String, @Nullable Object> extra();

    /** The start of the model's answer to a turn. */
    record CompletionStart(
            @Nullable String sessionId,
            @Nullable String promptName,
            @Nullable String completionId,
            Map<String, @Nullable Object> extra)
            implements OutputEvent {

        public CompletionStart {
            extra = Extra.copy(extra);
        }

        @Override
        public String eventName() {
            return "completionStart";
        }
    }

    /**
     * The start of an output content block. {@code additionalModelFields} is a JSON string on the wire;
     * its {@code generationStage} is exposed parsed as {@link #generationStage()} ({@code null} when absent).
     */
    record ContentStart(
            @Nullable String sessionId,
            @Nullable String promptName,
            @Nullable String completionId,
            @Nullable String contentId,
            ContentType type,
            Role role,
            @Nullable GenerationStage generationStage,
            @Nullable String additionalModelFields,
            Map<String, @Nullable Object> extra)
            implements OutputEvent {

        public ContentStart {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(role, "role");
            extra = Extra.copy(extra);
        }

        @Override
        public String eventName() {
            return "contentStart";
        }
    }

    /** A transcript or text answer; see {@link #isInterruption()} for the barge-in marker. */
    record TextOutput(
            @Nullable String sessionId,
            @Nullable String promptName,
            @Nullable String completionId,
            @Nullable String contentId,
            String content,
            @Nullable Role role,
            Map<String, @Nullable Object> extra)
            implements OutputEvent {

        public TextOutput {
            Objects.requireNonNull(content, "content");
            extra = Extra.copy(extra);
        }

        /** Whether this text is the barge-in marker {@code { "interrupted" : true }} rather than words. */
        public boolean isInterruption() {
            return InterruptionMarker.matches(content);
        }

        @Override
        public String eventName() {
            return "textOutput";
        }
    }

    /** A chunk of the assistant's speech: base64 16-bit little-endian mono PCM at the output rate. */
    record AudioOutput(
            @Nullable String sessionId,
            @Nullable String promptName,
            @Nullable String completionId,
            @Nullable String contentId,
            String content,
            Map<String, @Nullable Object> extra)
            implements OutputEvent {

        public AudioOutput {
            Objects.requireNonNull(content, "content");
            extra = Extra.copy(extra);
        }

        /** The decoded PCM bytes. */
        public byte[] pcm() {
            return Base64.getDecoder().decode(content);
        }

        @Override
        public String eventName() {
            return "audioOutput";
        }
    }

    /**
     * The model calls a tool. {@code content} is the raw JSON string from the wire (sometimes encoded
     * twice); {@code arguments} is that content parsed as an object, tolerating both encodings. A JSON
     * value that is not an object is kept as {@code {"value": …}}; content that is no JSON at all gives
     * empty arguments (the raw content stays available).
     */
    record ToolUse(
            @Nullable String sessionId,
            @Nullable String promptName,
            @Nullable String completionId,
            @Nullable String contentId,
            String toolName,
            String toolUseId,
            String content,
            Map<String, @Nullable Object> arguments,
            Map<String, @Nullable Object> extra)
            implements OutputEvent {

        public ToolUse {
            Objects.requireNonNull(toolName, "toolName");
            Objects.requireNonNull(toolUseId, "toolUseId");
            Objects.requireNonNull(content, "content");
            arguments = Extra.copy(arguments);
            extra = Extra.copy(extra);
        }

        @Override
        public String eventName() {
            return "toolUse";
        }
    }

    /** The end of an output content block and why it ended. */
    record ContentEnd(
            @Nullable String sessionId,
            @Nullable String promptName,
            @Nullable String completionId,
            @Nullable String contentId,
            @Nullable ContentType type,
            @Nullable StopReason stopReason,
            Map<String, @Nullable Object> extra)
            implements OutputEvent {

        public ContentEnd {
            extra = Extra.copy(extra);
        }

        @Override
        public String eventName() {
            return "contentEnd";
        }
    }

    /** The end of the model's answer. */
    record CompletionEnd(
            @Nullable String sessionId,
            @Nullable String promptName,
            @Nullable String completionId,
            @Nullable StopReason stopReason,
            Map<String, @Nullable Object> extra)
            implements OutputEvent {

        public CompletionEnd {
            extra = Extra.copy(extra);
        }

        @Override
        public String eventName() {
            return "completionEnd";
        }
    }

    /**
     * Token usage: {@code delta} since the previous usage event and running {@code total}; sum deltas,
     * never totals, to avoid counting twice.
     */
    record UsageEvent(
            @Nullable String sessionId,
            @Nullable String promptName,
            @Nullable String completionId,
            TokenUsage delta,
            TokenUsage total,
            long totalInputTokens,
            long totalOutputTokens,
            long totalTokens,
            Map<String, @Nullable Object> extra)
            implements OutputEvent {

        public UsageEvent {
            Objects.requireNonNull(delta, "delta");
            Objects.requireNonNull(total, "total");
            extra = Extra.copy(extra);
        }

        @Override
        public String eventName() {
            return "usageEvent";
        }
    }

    /**
     * The service's voice activity detector heard the user start speaking. Seen in live traffic but not in
     * AWS's documentation, so parsed leniently: every member may be absent.
     *
     * @param inputAudioOffsetMs where in the stream's input audio the speech started, when given
     */
    record UserSpeechStart(
            @Nullable String sessionId,
            @Nullable String promptName,
            @Nullable Long inputAudioOffsetMs,
            Map<String, @Nullable Object> extra)
            implements OutputEvent {

        public UserSpeechStart {
            extra = Extra.copy(extra);
        }

        @Override
        public String eventName() {
            return "userSpeechStart";
        }
    }

    /**
     * The service's voice activity detector heard the user stop speaking (same leniency as
     * {@link UserSpeechStart}).
     *
     * @param inputAudioOffsetMs where in the stream's input audio the speech ended, when given
     */
    record UserSpeechEnd(
            @Nullable String sessionId,
            @Nullable String promptName,
            @Nullable Long inputAudioOffsetMs,
            Map<String, @Nullable Object> extra)
            implements OutputEvent {

        public UserSpeechEnd {
            extra = Extra.copy(extra);
        }

        @Override
        public String eventName() {
            return "userSpeechEnd";
        }
    }

    /** An event this library does not know, with its whole raw JSON message. */
    record Unknown(String eventName, String rawJson) implements OutputEvent {

        public Unknown {
            Objects.requireNonNull(eventName, "eventName");
            Objects.requireNonNull(rawJson, "rawJson");
        }

        @Override
        public Map<String, @Nullable Object> extra() {
            return Map.of();
        }
    }
}
