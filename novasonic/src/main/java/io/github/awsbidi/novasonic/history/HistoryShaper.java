package io.github.awsbidi.novasonic.history;

import io.github.awsbidi.novasonic.event.Role;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Shapes past turns to Nova Sonic's chat-history rules: consecutive turns of the same role are merged
 * (joined by a newline), blank turns are dropped, the total stays within {@value #MAX_TOTAL_BYTES} UTF-8
 * bytes by keeping the <em>most recent</em> text (older turns are dropped, and the oldest kept one may
 * lose its beginning), the first message is a USER one, and each message is split into
 * {@code textInput} pieces of at most {@value #MAX_PIECE_BYTES} bytes, never inside a code point.
 * Thread-safe.
 */
public final class HistoryShaper {

    /** The service's limit on the whole chat history, in UTF-8 bytes. */
    public static final int MAX_TOTAL_BYTES = 40 * 1024;

    /** The service's limit on one {@code textInput}, in UTF-8 bytes. */
    public static final int MAX_PIECE_BYTES = 1024;

    private final int maxTotalBytes;
    private final int maxPieceBytes;

    /** A shaper with the service's limits. */
    public HistoryShaper() {
        this(MAX_TOTAL_BYTES, MAX_PIECE_BYTES);
    }

    /** A shaper with smaller limits (e.g. to leave room for something else). */
    public HistoryShaper(int maxTotalBytes, int maxPieceBytes) {
        if (maxPieceBytes < 4 || maxPieceBytes > MAX_PIECE_BYTES) {
            throw new IllegalArgumentException("maxPieceBytes must be between 4 (one code point) and " + MAX_PIECE_BYTES
                    + ", was " + maxPieceBytes);
        }
        if (maxTotalBytes < 0 || maxTotalBytes > MAX_TOTAL_BYTES) {
            throw new IllegalArgumentException(
                    "maxTotalBytes must be between 0 and " + MAX_TOTAL_BYTES + ", was " + maxTotalBytes);
        }
        this.maxTotalBytes = maxTotalBytes;
        this.maxPieceBytes = maxPieceBytes;
    }

    /** Shapes the turns (oldest first), losing the oldest text if it must, and reports what it did. */
    public ShapedHistory shape(List<Turn> turns) {
        int blank = 0;
        int merged = 0;
        List<Turn> messages = new ArrayList<>();
        for (Turn turn : turns) {
            if (turn.text().isBlank()) {
                blank++;
                continue;
            }
            int last = messages.size() - 1;
            if (last >= 0 && messages.get(last).role() == turn.role()) {
                messages.set(last, new Turn(turn.role(), messages.get(last).text() + "\n" + turn.text()));
                merged++;
            } else {
                messages.add(turn);
            }
        }

        // Keep the most recent messages that fit, newest first; the first one that does not fit keeps its end.
        Deque<Turn> kept = new ArrayDeque<>();
        int budget = maxTotalBytes;
        int truncatedBytes = 0;
        int droppedOldest = 0;
        int index = messages.size() - 1;
        for (; index >= 0; index--) {
            Turn message = messages.get(index);
            int size = Utf8.length(message.text());
            if (size <= budget) {
                kept.addFirst(message);
                budget -= size;
                continue;
            }
            String tail = Utf8.tail(message.text(), budget);
            if (!tail.isBlank()) {
                kept.addFirst(new Turn(message.role(), tail));
                truncatedBytes = size - Utf8.length(tail);
            } else {
                droppedOldest++;
            }
            index--;
            break;
        }
        droppedOldest += index + 1;

        int leadingAssistant = 0;
        while (!kept.isEmpty() && kept.peekFirst().role() == Role.ASSISTANT) {
            kept.removeFirst();
            leadingAssistant++;
            // Only the oldest kept message can have been cut; once it is gone nothing kept was cut.
            truncatedBytes = 0;
        }

        List<HistoryMessage> shaped = new ArrayList<>(kept.size());
        for (Turn message : kept) {
            shaped.add(new HistoryMessage(message.role(), Utf8.split(message.text(), maxPieceBytes)));
        }
        return new ShapedHistory(
                shaped,
                new HistoryReport(turns.size(), merged, blank, droppedOldest, leadingAssistant, truncatedBytes));
    }

    /**
     * Consecutive pieces of at most {@code maxBytes} UTF-8 bytes that concatenate to {@code text},
     * never cut inside a code point; empty text gives no pieces.
     */
    public static List<String> splitPieces(String text, int maxBytes) {
        if (maxBytes < 4) {
            throw new IllegalArgumentException("maxBytes must be at least 4 (one code point), was " + maxBytes);
        }
        return Utf8.split(text, maxBytes);
    }

    /**
     * Shapes the turns like {@link #shape(List)} but refuses to lose text.
     *
     * @throws HistoryLimitException if text would be dropped or cut to fit the limits or the USER-first rule
     */
    public ShapedHistory shapeStrict(List<Turn> turns) {
        ShapedHistory shaped = shape(turns);
        HistoryReport report = shaped.report();
        if (report.lossy()) {
            throw new HistoryLimitException(
                    "history does not fit Nova Sonic's limits (" + maxTotalBytes
                            + " bytes in total, first message USER): it would drop " + report.droppedOldestMessages()
                            + " oldest and " + report.droppedLeadingAssistantMessages()
                            + " leading ASSISTANT message(s) and cut "
                            + report.truncatedBytes() + " byte(s)",
                    report);
        }
        return shaped;
    }
}
