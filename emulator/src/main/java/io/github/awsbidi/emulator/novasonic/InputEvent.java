package io.github.awsbidi.emulator.novasonic;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One decoded input event: its name (the single member of {@code event}) and its body.
 *
 * @param name the event name, e.g. {@code sessionStart}
 * @param body the event's object
 */
record InputEvent(String name, JsonNode body) {

    /** Parses {@code {"event":{"<name>":{…}}}}, rejecting anything else. */
    static InputEvent parse(JsonMapper json, String eventJson) {
        JsonNode root;
        try {
            root = json.readTree(eventJson);
        } catch (JacksonException ex) {
            throw new InputRejectedException("Malformed input event: not valid JSON (" + ex.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || !root.path("event").isObject()) {
            throw new InputRejectedException("Malformed input event: expected {\"event\":{\"<eventName>\":{…}}}");
        }
        JsonNode event = root.get("event");
        if (event.size() != 1) {
            throw new InputRejectedException(
                    "Malformed input event: 'event' must hold exactly one event, found " + event.size());
        }
        Iterator<Map.Entry<String, JsonNode>> members = event.properties().iterator();
        Map.Entry<String, JsonNode> only = members.next();
        if (!only.getValue().isObject()) {
            throw new InputRejectedException("Malformed input event: '" + only.getKey() + "' must be a JSON object");
        }
        return new InputEvent(only.getKey(), only.getValue());
    }
}
