package io.github.awsbidi.emulator.novasonic;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The {@code promptStart.toolConfiguration} of a Nova Sonic session: each {@code toolSpec} with its name and its
 * input schema (a JSON schema serialized as a string), names unique, a forced {@code toolChoice.tool} among them.
 */
final class ToolDeclarations {

    private ToolDeclarations() {}

    /** The declared tools by name (their input schemas, or a missing node), checked field by field. */
    static Map<String, JsonNode> parse(JsonMapper json, JsonNode toolConfig, String path) {
        Map<String, JsonNode> tools = new LinkedHashMap<>();
        JsonNode list = toolConfig.get("tools");
        if (list == null || !list.isArray()) {
            throw new InputRejectedException(path + ".tools is required and must be an array");
        }
        for (int i = 0; i < list.size(); i++) {
            String toolPath = path + ".tools[" + i + "]";
            JsonNode spec = InputFields.object(list.get(i), toolPath, "toolSpec");
            String specPath = toolPath + ".toolSpec";
            String name = InputFields.string(spec, specPath, "name");
            InputFields.optionalString(spec, specPath, "description");
            JsonNode schema = MissingNode.getInstance();
            JsonNode inputSchema = InputFields.optionalObject(spec, specPath, "inputSchema");
            if (inputSchema != null) {
                schema = parseSchema(json, inputSchema, specPath + ".inputSchema");
            }
            if (tools.put(name, schema) != null) {
                throw new InputRejectedException(specPath + ".name \"" + name + "\" is declared twice");
            }
        }
        JsonNode choice = InputFields.optionalObject(toolConfig, path, "toolChoice");
        JsonNode forced = choice == null ? null : InputFields.optionalObject(choice, path + ".toolChoice", "tool");
        if (forced != null) {
            String name = InputFields.string(forced, path + ".toolChoice.tool", "name");
            if (!tools.containsKey(name)) {
                throw new InputRejectedException(
                        path + ".toolChoice.tool.name \"" + name + "\" is not a declared tool");
            }
        }
        return tools;
    }

    private static JsonNode parseSchema(JsonMapper json, JsonNode inputSchema, String path) {
        JsonNode text = inputSchema.get("json");
        if (text == null || !text.isString()) {
            throw new InputRejectedException(
                    path + ".json is required and must be the JSON schema serialized " + "as a string, got " + text);
        }
        try {
            JsonNode schema = json.readTree(text.stringValue());
            if (schema != null && schema.isObject()) {
                return schema;
            }
        } catch (JacksonException ex) {
            // reported below
        }
        throw new InputRejectedException(path + ".json must hold a JSON object (a JSON schema)");
    }
}
