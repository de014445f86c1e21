package io.github.awsbidi.emulator.novasonic;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What {@code promptStart} declared.
 *
 * @param promptName the prompt every later event must name
 * @param voiceId the requested voice, if any
 * @param outputSampleRate sample rate of the assistant's audio
 * @param toolInputSchemas declared tools by name, each with its parsed input JSON schema (a missing
 *        node when none was given)
 */
record PromptSettings(
        String promptName, @Nullable String voiceId, int outputSampleRate, Map<String, JsonNode> toolInputSchemas) {

    PromptSettings {
        toolInputSchemas = Map.copyOf(toolInputSchemas);
    }
}
