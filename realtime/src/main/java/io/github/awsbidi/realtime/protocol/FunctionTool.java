package io.github.awsbidi.realtime.protocol;

import tools.jackson.databind.JsonNode;

/**
 * A flat {@code function} tool of {@code session.tools}: the client answers its calls with
 * {@code function_call_output} items.
 *
 * @param type always {@code function}
 * @param name the function's name
 * @param description when the model should call it
 * @param parameters the JSON schema of its arguments
 */
public record FunctionTool(String type, String name, String description, JsonNode parameters) {}
