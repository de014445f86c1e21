package io.github.awsbidi.novasonic.history;

/** A history that would lose text to fit Nova Sonic's limits, when strict shaping was asked for. */
public final class HistoryLimitException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient HistoryReport report;

    HistoryLimitException(String message, HistoryReport report) {
        super(message);
        this.report = report;
    }

    /** What lenient shaping would have done. */
    public HistoryReport report() {
        return report;
    }
}
