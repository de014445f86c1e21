package io.github.awsbidi.novasonic;

import io.github.awsbidi.novasonic.event.ToolSpec;
import java.util.Objects;

/**
 * A tool the model may call: its name, a description that tells the model when to use it, the JSON
 * schema of its arguments (as JSON text) and the handler that answers it.
 */
public record NovaSonicTool(String name, String description, String inputSchema, ToolHandler handler) {

    public NovaSonicTool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(handler, "handler");
    }

    /** The declaration sent in {@code promptStart}. */
    public ToolSpec toolSpec() {
        return new ToolSpec(name, description, inputSchema);
    }
}
