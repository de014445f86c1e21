package io.github.awsbidi.novasonic.event;

import java.util.Objects;

/**
 * One {@code toolConfiguration.tools[].toolSpec}. The schema travels as a JSON <em>string</em> in
 * {@code inputSchema.json}, so it is kept here as the string itself.
 */
public record ToolSpec(String name, String description, String inputSchemaJson) {

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchemaJson, "inputSchemaJson");
    }
}
