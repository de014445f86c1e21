package io.github.awsbidi.novasonic.event;

/** Why an output content block or completion ended. {@link #UNKNOWN} keeps unforeseen values tolerable. */
public enum StopReason {
    /** The block ended but the assistant's turn goes on (e.g. one sentence of a longer answer). */
    PARTIAL_TURN,
    /** The assistant's turn is over. */
    END_TURN,
    /** The user barged in: the assistant stopped speaking. */
    INTERRUPTED,
    /** The model asked for a tool. */
    TOOL_USE,
    UNKNOWN
}
