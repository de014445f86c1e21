package io.github.awsbidi.sample.voice;

import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.event.GenerationStage;
import io.github.awsbidi.novasonic.event.Role;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Measures each turn's latency from the conversation's events: from the end of the user's turn (the service's
 * {@code userSpeechEnd} where it sends one, else the user's FINAL transcript, which Nova Sonic sends once it has
 * decided the turn ended) to the first chunk of the assistant's speech. Not thread-safe: one per conversation, fed
 * its events in order.
 */
final class TurnLatency {

    private final LongSupplier nanoClock;

    private long turnEndedAt;

    private boolean waiting;

    TurnLatency(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Feeds one event; returns the latency in milliseconds when this event is the answer's first audio. */
    OptionalLong accept(ConversationEvent event) {
        if (event instanceof ConversationEvent.UserSpeechEnded
                || event instanceof ConversationEvent.Transcript transcript
                        && transcript.role() == Role.USER
                        && transcript.stage() == GenerationStage.FINAL) {
            // The first of the two signals starts the clock; the other one of the same turn does not move it.
            if (!waiting) {
                waiting = true;
                turnEndedAt = nanoClock.getAsLong();
            }
        } else if (event instanceof ConversationEvent.AudioOut && waiting) {
            waiting = false;
            return OptionalLong.of((nanoClock.getAsLong() - turnEndedAt) / 1_000_000);
        } else if (event instanceof ConversationEvent.Interrupted) {
            waiting = false;
        }
        return OptionalLong.empty();
    }
}
