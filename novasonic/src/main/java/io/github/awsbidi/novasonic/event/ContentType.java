package io.github.awsbidi.novasonic.event;

/** The kind of a content block. {@link #UNKNOWN} stands for a value this library does not know yet. */
public enum ContentType {
    TEXT,
    AUDIO,
    TOOL,
    UNKNOWN
}
