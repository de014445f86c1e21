package io.github.awsbidi.emulator.novasonic;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides whether a user turn calls a tool: the first trigger word found in the turn whose tool was
 * declared in {@code promptStart}. Arguments are filled from the tool's input schema: string
 * properties get the turn's subject (the words after its last "in", else the whole turn), numbers
 * 1, booleans true.
 */
final class ToolPlanner {

    private final JsonMapper json;

    private final Map<String, String> triggers;

    private final Map<String, JsonNode> declaredTools;

    ToolPlanner(JsonMapper json, Map<String, String> triggers, Map<String, JsonNode> declaredTools) {
        this.json = json;
        this.triggers = triggers;
        this.declaredTools = declaredTools;
    }

    /**
     * A tool the model calls.
     *
     * @param toolName the declared tool's name
     * @param argumentsJson its arguments, as JSON text
     */
    record ToolCall(String toolName, String argumentsJson) {}

    Optional<ToolCall> plan(String userText) {
        String lower = userText.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> trigger : triggers.entrySet()) {
            String tool = trigger.getValue();
            if (lower.contains(trigger.getKey().toLowerCase(Locale.ROOT)) && declaredTools.containsKey(tool)) {
                return Optional.of(new ToolCall(tool, arguments(declaredTools.get(tool), userText)));
            }
        }
        return Optional.empty();
    }

    private String arguments(JsonNode schema, String userText) {
        ObjectNode arguments = json.createObjectNode();
        JsonNode properties = schema.path("properties");
        if (properties.isObject()) {
            String subject = subject(userText);
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                String type = property.getValue().path("type").asString("string");
                switch (type) {
                    case "string" -> arguments.put(property.getKey(), subject);
                    case "integer", "number" -> arguments.put(property.getKey(), 1);
                    case "boolean" -> arguments.put(property.getKey(), true);
                    default -> {
                        // objects and arrays are left out: the schema's author knows best
                    }
                }
            }
        }
        return json.writeValueAsString(arguments);
    }

    static String subject(String userText) {
        String lower = userText.toLowerCase(Locale.ROOT);
        int in = lower.lastIndexOf(" in ");
        String subject = in >= 0 ? userText.substring(in + 4) : userText;
        return subject.strip().replaceAll("[\\p{Punct}\\s]+$", "");
    }
}
