package io.github.awsbidi.novasonic;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what a {@link ToolHandler} produced into the JSON text of a {@code toolResult}: a JSON object is
 * sent as it is (a {@link JsonNode}, a map, a record or bean, or a string holding a JSON object), any
 * other value is wrapped as {@code {"result": …}}, and a failure becomes {@code {"error": "…"}}.
 */
final class ToolResults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ToolResults() {}

    static String success(@Nullable Object result) {
        JsonNode node = toTree(result);
        if (node.isObject()) {
            return JSON.writeValueAsString(node);
        }
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("result", node);
        return JSON.writeValueAsString(wrapped);
    }

    static String error(Throwable error) {
        String message = error.getMessage();
        ObjectNode node = JSON.createObjectNode();
        node.put(
                "error", message == null || message.isBlank() ? error.getClass().getSimpleName() : message);
        return JSON.writeValueAsString(node);
    }

    static String error(String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("error", message);
        return JSON.writeValueAsString(node);
    }

    private static JsonNode toTree(@Nullable Object result) {
        if (result == null) {
            return JSON.nullNode();
        }
        if (result instanceof JsonNode) {
            return (JsonNode) result;
        }
        if (result instanceof String) {
            String text = ((String) result).strip();
            if (text.startsWith("{")) {
                try {
                    JsonNode parsed = JSON.readTree(text);
                    if (parsed.isObject()) {
                        return parsed;
                    }
                } catch (JacksonException notJson) {
                    // An ordinary string that happens to start with a brace.
                }
            }
            return JSON.getNodeFactory().stringNode((String) result);
        }
        return JSON.valueToTree(result);
    }
}
