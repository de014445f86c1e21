package io.github.awsbidi.novasonic.event;

/** Who a content block belongs to. {@link #UNKNOWN} stands for a value this library does not know yet. */
public enum Role {
    USER,
    ASSISTANT,
    SYSTEM,
    /** Nova 2's speech prompt: instructions about how to speak. */
    SYSTEM_SPEECH,
    TOOL,
    UNKNOWN
}
