package io.github.awsbidi.novasonic.event;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@code promptStart.toolConfiguration}; a {@code null} tool choice is left out (the service then uses auto). */
public record ToolConfiguration(@Nullable ToolChoice toolChoice, List<ToolSpec> tools) {

    public ToolConfiguration {
        tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
    }
}
