package io.github.awsbidi.novasonic.history;

import java.util.List;
import java.util.Objects;

/** A history ready to send (first message USER, within the limits) and the report of what shaping did. */
public record ShapedHistory(List<HistoryMessage> messages, HistoryReport report) {

    /** No history. */
    public static final ShapedHistory EMPTY = new ShapedHistory(List.of(), new HistoryReport(0, 0, 0, 0, 0, 0));

    public ShapedHistory {
        messages = List.copyOf(messages);
        Objects.requireNonNull(report, "report");
    }
}
