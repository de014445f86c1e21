package io.github.awsbidi.realtime.protocol;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code session.update} changes; a null field is left as it is. Fields the façade cannot honour
 * ({@code model}, {@code tracing}, {@code prompt}, {@code include}, {@code truncation},
 * {@code audio.input.transcription}, {@code audio.input.noise_reduction}, {@code audio.output.speed}) are accepted
 * and not represented here.
 *
 * @param instructions the system prompt
 * @param voice an OpenAI voice name or a Nova Sonic voice id
 * @param inputFormat {@code audio.input.format}
 * @param outputFormat {@code audio.output.format}
 * @param turnDetectionSet whether {@code audio.input.turn_detection} was present (null there means manual commits)
 * @param turnDetection the new turn detection, null for manual commits
 * @param tools the new function tools
 * @param toolChoice {@code auto}, {@code none}, {@code required} or a function's name
 * @param textOnly whether {@code output_modalities} asks for text instead of audio
 * @param maxOutputTokens {@code max_output_tokens}, null for {@code inf} or absent
 */
public record SessionPatch(
        @Nullable String instructions,
        @Nullable String voice,
        @Nullable AudioFormat inputFormat,
        @Nullable AudioFormat outputFormat,
        boolean turnDetectionSet,
        @Nullable TurnDetection turnDetection,
        @Nullable List<FunctionTool> tools,
        @Nullable String toolChoice,
        @Nullable Boolean textOnly,
        @Nullable Integer maxOutputTokens) {}
