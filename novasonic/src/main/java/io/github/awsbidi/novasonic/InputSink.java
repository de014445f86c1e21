package io.github.awsbidi.novasonic;

import io.github.awsbidi.novasonic.event.InputEvent;
import java.util.List;

/** Where an {@link InputSequencer} puts the events of one stream, in order. */
@FunctionalInterface
interface InputSink {

    /** The next event. */
    void accept(InputEvent event);

    /**
     * A whole block that may overtake audio still waiting to be sent (a tool result: a late result makes the
     * model speak a fallback). By default it simply follows.
     */
    default void acceptUrgent(List<InputEvent> block) {
        block.forEach(this::accept);
    }
}
