package io.github.awsbidi.novasonic.event;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Recognises the barge-in marker that Nova Sonic sends as text: {@code { "interrupted" : true }}. */
final class InterruptionMarker {

    private InterruptionMarker() {}

    static boolean matches(String content) {
        String trimmed = content.strip();
        // Cheap test first: ordinary transcripts never start with a brace.
        if (!trimmed.startsWith("{") || !trimmed.contains("interrupted")) {
            return false;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(trimmed);
            JsonNode flag = node.get("interrupted");
            return node.isObject() && flag != null && flag.isBoolean() && flag.booleanValue();
        } catch (JacksonException notJson) {
            return false;
        }
    }
}
