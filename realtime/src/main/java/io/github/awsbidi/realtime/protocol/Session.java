package io.github.awsbidi.realtime.protocol;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The session object of {@code session.created} and {@code session.updated} ({@code realtime.session}).
 *
 * @param type always {@code realtime}
 * @param object always {@code realtime.session}
 * @param id the session's id
 * @param model the configured session (bean name) serving it
 * @param outputModalities {@code ["audio"]} or {@code ["text"]}
 * @param instructions the system prompt
 * @param audio input and output audio settings
 * @param tools the function tools
 * @param toolChoice {@code auto}, {@code none}, {@code required} or a function
 * @param maxOutputTokens a number or {@code inf}
 * @param tracing always null (not supported)
 */
public record Session(
        String type,
        String object,
        String id,
        String model,
        List<String> outputModalities,
        String instructions,
        Audio audio,
        List<FunctionTool> tools,
        Object toolChoice,
        Object maxOutputTokens,
        @Nullable Object tracing) {

    /** {@code audio}. */
    public record Audio(Input input, Output output) {}

    /** {@code audio.input}; transcription and noise reduction are not configurable (Nova Sonic transcribes). */
    public record Input(
            AudioFormat format,
            @Nullable TurnDetectionJson turnDetection,
            @Nullable Object transcription,
            @Nullable Object noiseReduction) {}

    /** {@code audio.output}. */
    public record Output(AudioFormat format, String voice, double speed) {}

    /** {@code turn_detection} as the GA protocol writes it. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record TurnDetectionJson(
            String type,
            @Nullable Integer silenceDurationMs,
            @Nullable String eagerness,
            boolean createResponse,
            boolean interruptResponse) {

        /** The JSON form of {@code detection}. */
        public static TurnDetectionJson of(TurnDetection detection) {
            return new TurnDetectionJson(
                    detection.type(),
                    detection.type().equals("server_vad")
                            ? (detection.silenceDurationMs() == null ? 500 : detection.silenceDurationMs())
                            : null,
                    detection.type().equals("semantic_vad")
                            ? (detection.eagerness() == null ? "auto" : detection.eagerness())
                            : null,
                    detection.createResponse(),
                    detection.interruptResponse());
        }
    }
}
