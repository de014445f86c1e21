package io.github.awsbidi.novasonic.history;

/**
 * What shaping did to a history: how many turns came in, were merged into the previous turn of the
 * same role, or were blank; how many (merged) messages were dropped as the oldest to fit the total
 * limit or because the history must start with the user; and how many bytes were cut from the start
 * of the oldest kept message.
 */
public record HistoryReport(
        int inputTurns,
        int mergedTurns,
        int droppedBlankTurns,
        int droppedOldestMessages,
        int droppedLeadingAssistantMessages,
        int truncatedBytes) {

    /** Whether any text was lost (merging and dropping blank turns lose nothing). */
    public boolean lossy() {
        return droppedOldestMessages > 0 || droppedLeadingAssistantMessages > 0 || truncatedBytes > 0;
    }
}
