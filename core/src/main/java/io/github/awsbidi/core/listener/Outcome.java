package io.github.awsbidi.core.listener;

/** How an exchange ended: the {@code outcome} metric tag. */
public enum Outcome {
    /** The server ended the response stream normally. */
    COMPLETED,
    /** The caller cancelled the responses (or the exchange). */
    CANCELLED,
    /** The exchange failed. */
    ERROR;

    /** The lower-case tag value. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
