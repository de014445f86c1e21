package io.github.awsbidi.novasonic;

/** Why a {@link Conversation} moved to a fresh stream (see {@link ConversationEvent.Renewed}). */
public enum RenewalCause {

    /** The stream reached {@code renewal.threshold}, ahead of the service's ~8-minute limit. */
    AGE,

    /** Temporary credentials are about to expire ({@code renewal.credentialsLead} before their expiration time). */
    CREDENTIALS_EXPIRY,

    /** The tool set changed; tools can only be declared when a stream starts. */
    TOOL_CHANGE,

    /** No assistant audio for {@code renewal.assistantSilence}: the forced hand-off of a quiet stream. */
    ASSISTANT_SILENCE,

    /** The stream failed with a recoverable error and the conversation reconnected. */
    RECOVERY;

    /** The lower-case tag value, e.g. {@code credentials_expiry}. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
