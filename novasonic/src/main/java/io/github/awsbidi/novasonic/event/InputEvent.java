package io.github.awsbidi.novasonic.event;

import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event the client sends to Nova Sonic, in the order PROTOCOL.md gives: {@link SessionStart},
 * {@link PromptStart}, content blocks ({@link ContentStart}, {@link TextInput} / {@link AudioInput} /
 * {@link ToolResult}, {@link ContentEnd}), then {@link PromptEnd} and {@link SessionEnd}.
 */
public sealed interface InputEvent {

    /** The event's name inside the {@code {"event":{"<name>":…}}} envelope. */
    String eventName();

    /** Opens the session with its inference and turn-detection settings. */
    record SessionStart(
            InferenceConfiguration inferenceConfiguration,
            @Nullable TurnDetectionConfiguration turnDetectionConfiguration)
            implements InputEvent {

        public SessionStart {
            Objects.requireNonNull(inferenceConfiguration, "inferenceConfiguration");
        }

        @Override
        public String eventName() {
            return "sessionStart";
        }
    }

    /** Opens the prompt: output formats, voice and the tools the model may call. */
    record PromptStart(
            String promptName,
            MediaTypeConfiguration textOutputConfiguration,
            AudioOutputConfiguration audioOutputConfiguration,
            @Nullable MediaTypeConfiguration toolUseOutputConfiguration,
            @Nullable ToolConfiguration toolConfiguration)
            implements InputEvent {

        public PromptStart {
            Objects.requireNonNull(promptName, "promptName");
            Objects.requireNonNull(textOutputConfiguration, "textOutputConfiguration");
            Objects.requireNonNull(audioOutputConfiguration, "audioOutputConfiguration");
        }

        @Override
        public String eventName() {
            return "promptStart";
        }
    }

    /** Opens a content block; its {@code type} follows from the configuration. */
    record ContentStart(
            String promptName, String contentName, Role role, boolean interactive, ContentConfiguration configuration)
            implements InputEvent {

        public ContentStart {
            Objects.requireNonNull(promptName, "promptName");
            Objects.requireNonNull(contentName, "contentName");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(configuration, "configuration");
        }

        /** A TEXT block: the system prompt, a history message or live user text. */
        public static ContentStart text(String promptName, String contentName, Role role, boolean interactive) {
            return new ContentStart(promptName, contentName, role, interactive, TextInputConfiguration.TEXT_PLAIN);
        }

        /** The user's interactive AUDIO block. */
        public static ContentStart audio(String promptName, String contentName, int sampleRateHertz) {
            return new ContentStart(
                    promptName, contentName, Role.USER, true, AudioInputConfiguration.pcm16(sampleRateHertz));
        }

        /** A TOOL block carrying the result of one call. */
        public static ContentStart toolResult(String promptName, String contentName, String toolUseId) {
            return new ContentStart(
                    promptName, contentName, Role.TOOL, false, ToolResultInputConfiguration.text(toolUseId));
        }

        /** {@code TEXT}, {@code AUDIO} or {@code TOOL}, from the configuration. */
        public ContentType type() {
            return configuration.contentType();
        }

        @Override
        public String eventName() {
            return "contentStart";
        }
    }

    /** A piece of text of an open TEXT block (history pieces are at most 1 KB each). */
    record TextInput(String promptName, String contentName, String content) implements InputEvent {

        public TextInput {
            Objects.requireNonNull(promptName, "promptName");
            Objects.requireNonNull(contentName, "contentName");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String eventName() {
            return "textInput";
        }
    }

    /** A chunk of user audio: base64 16-bit little-endian mono PCM. */
    record AudioInput(String promptName, String contentName, String content) implements InputEvent {

        public AudioInput {
            Objects.requireNonNull(promptName, "promptName");
            Objects.requireNonNull(contentName, "contentName");
            Objects.requireNonNull(content, "content");
        }

        /** Encodes raw PCM bytes as the event's base64 content. */
        public static AudioInput ofPcm(String promptName, String contentName, byte[] pcm) {
            return new AudioInput(promptName, contentName, Base64.getEncoder().encodeToString(pcm));
        }

        /** The decoded PCM bytes. */
        public byte[] pcm() {
            return Base64.getDecoder().decode(content);
        }

        @Override
        public String eventName() {
            return "audioInput";
        }
    }

    /** The result of a tool call, as a JSON string, inside an open TOOL block. */
    record ToolResult(String promptName, String contentName, String content) implements InputEvent {

        public ToolResult {
            Objects.requireNonNull(promptName, "promptName");
            Objects.requireNonNull(contentName, "contentName");
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String eventName() {
            return "toolResult";
        }
    }

    /** Closes a content block. */
    record ContentEnd(String promptName, String contentName) implements InputEvent {

        public ContentEnd {
            Objects.requireNonNull(promptName, "promptName");
            Objects.requireNonNull(contentName, "contentName");
        }

        @Override
        public String eventName() {
            return "contentEnd";
        }
    }

    /** Closes the prompt. */
    record PromptEnd(String promptName) implements InputEvent {

        public PromptEnd {
            Objects.requireNonNull(promptName, "promptName");
        }

        @Override
        public String eventName() {
            return "promptEnd";
        }
    }

    /** Closes the session: the last event of a well-formed stream. */
    record SessionEnd() implements InputEvent {

        @Override
        public String eventName() {
            return "sessionEnd";
        }
    }
}
