package io.github.awsbidi.novasonic;

import io.github.awsbidi.novasonic.event.OutputEvent;
import org.jspecify.annotations.Nullable;

/** What the conversation does when its {@link StreamRotation} changes streams. Called under the conversation's lock. */
interface StreamHost {

    void output(Leg leg, OutputEvent event);

    /** {@code leg} became current; {@code cause} is null for the first stream. */
    void adopted(Leg leg, @Nullable RenewalCause cause, String reason);

    /** Whether the conversation may move now (the assistant is quiet, no tool runs). */
    boolean atTurnBoundary(Leg leg);

    /** The current stream is going away: its tool calls can no longer be answered. */
    void leaving(Leg leg);

    /** A recoverable error is being recovered from. */
    void recovering(@Nullable Throwable error);

    /** The conversation cannot go on. */
    void failed(String reason, @Nullable Throwable error);

    boolean running();
}
