package io.github.awsbidi.novasonic;

import java.time.Duration;

/**
 * What a conversation reports for metrics: registered with {@link NovaSonic#withListener(ConversationListener)}.
 * Called on the conversation's threads, under its lock: implementations must be quick and must not call back
 * into the conversation. Every method does nothing by default.
 */
public interface ConversationListener {

    /** A listener that ignores everything. */
    ConversationListener NONE = new ConversationListener() {};

    /** Time from the end of the user's speech to the first assistant audio of the answer. */
    default void responseLatency(Duration latency) {}

    /** The user barged in (once per barge-in). */
    default void bargeIn() {}

    /** The conversation moved to a fresh stream. */
    default void renewed(RenewalCause cause) {}

    /** The conversation reconnected after a recoverable error; {@code error} is its kind, e.g. {@code throttling}. */
    default void recovered(String error) {}

    /**
     * Tokens used, from a usage delta.
     *
     * @param direction {@code input} or {@code output}
     * @param modality {@code speech} or {@code text}
     */
    default void tokens(String direction, String modality, long count) {}
}
