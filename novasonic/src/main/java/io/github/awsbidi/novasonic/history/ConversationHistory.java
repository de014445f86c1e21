package io.github.awsbidi.novasonic.history;

import io.github.awsbidi.novasonic.event.Role;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The running record of a conversation's final transcripts, oldest first, to carry over to a new
 * stream. Bounded: beyond {@code maxRetainedBytes} of text the oldest turns are forgotten, since only
 * the most recent {@value HistoryShaper#MAX_TOTAL_BYTES} bytes can ever be sent. Thread-safe.
 */
public final class ConversationHistory {

    private final int maxRetainedBytes;
    private final Deque<Turn> turns = new ArrayDeque<>();
    private int retainedBytes;

    /** A history that keeps twice what the service accepts, starting from the given turns. */
    public ConversationHistory(List<Turn> initial) {
        this(initial, 2 * HistoryShaper.MAX_TOTAL_BYTES);
    }

    /** A history bounded to {@code maxRetainedBytes} of UTF-8 text, starting from the given turns. */
    public ConversationHistory(List<Turn> initial, int maxRetainedBytes) {
        if (maxRetainedBytes < 1) {
            throw new IllegalArgumentException("maxRetainedBytes must be at least 1, was " + maxRetainedBytes);
        }
        this.maxRetainedBytes = maxRetainedBytes;
        initial.forEach(this::add);
    }

    /** Records a USER or ASSISTANT text; blank text is ignored. */
    public void add(Role role, String text) {
        add(new Turn(role, text));
    }

    /** Records a turn; a blank one is ignored. */
    public synchronized void add(Turn turn) {
        if (turn.text().isBlank()) {
            return;
        }
        turns.addLast(turn);
        retainedBytes += Utf8.length(turn.text());
        // Keep the newest turn even when it alone is over the bound: the shaper cuts it when sending.
        while (retainedBytes > maxRetainedBytes && turns.size() > 1) {
            retainedBytes -= Utf8.length(turns.removeFirst().text());
        }
    }

    /** The retained turns, oldest first. */
    public synchronized List<Turn> turns() {
        return List.copyOf(turns);
    }
}
