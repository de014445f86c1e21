package io.github.awsbidi.novasonic.event;

import java.util.Objects;

/** {@code toolConfiguration.toolChoice}: whether the model decides ({@code auto}), must call some tool, or one tool. */
public sealed interface ToolChoice {

    /** The model decides whether to call tools (the service's default). */
    static ToolChoice auto() {
        return Auto.INSTANCE;
    }

    /** The model calls at least one of the tools at the start of its answer. */
    static ToolChoice any() {
        return Any.INSTANCE;
    }

    /** The model calls the named tool at the start of its answer. */
    static ToolChoice tool(String name) {
        return new Tool(name);
    }

    /** {@code {"auto":{}}}. */
    record Auto() implements ToolChoice {
        static final Auto INSTANCE = new Auto();
    }

    /** {@code {"any":{}}}. */
    record Any() implements ToolChoice {
        static final Any INSTANCE = new Any();
    }

    /** {@code {"tool":{"name":…}}}. */
    record Tool(String name) implements ToolChoice {
        public Tool {
            Objects.requireNonNull(name, "name");
        }
    }
}
