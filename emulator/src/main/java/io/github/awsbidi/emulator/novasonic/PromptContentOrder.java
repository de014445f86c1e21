package io.github.awsbidi.emulator.novasonic;

/**
 * The order of a prompt's contents, as {@link InputProtocol} checks it: the system prompt first and only once, then
 * an optional SYSTEM_SPEECH prompt, then chat history (non-interactive text, starting with USER, at most 40 KB),
 * then live content (audio or interactive text), after which no more history may be sent.
 */
final class PromptContentOrder {

    static final int MAX_HISTORY_BYTES = 40 * 1024;

    private boolean systemSeen;

    private boolean historySeen;

    /** Set by the first audio or interactive content: chat history may no longer be sent. */
    private boolean historyClosed;

    private int historyBytes;

    /** Whether the system prompt has started (every other content must follow it). */
    boolean systemSeen() {
        return systemSeen;
    }

    /** Checks where a TEXT content may start, given what came before it. */
    void textStarted(String path, OpenContent content) {
        if (content.role.equals("SYSTEM")) {
            if (systemSeen) {
                throw new InputRejectedException("Only one system prompt (TEXT content with role SYSTEM) is allowed");
            }
            if (content.interactive) {
                throw new InputRejectedException(path + ".interactive must be false for the SYSTEM content");
            }
            systemSeen = true;
        } else if (content.role.equals("SYSTEM_SPEECH")) {
            // A prompt like the system prompt, not history: non-interactive, before the history and any live content.
            if (content.interactive || historySeen || historyClosed) {
                throw new InputRejectedException("The SYSTEM_SPEECH content must be non-interactive and follow the "
                        + "system prompt, before chat history and live content");
            }
        } else if (content.interactive) {
            if (!content.role.equals("USER")) {
                throw new InputRejectedException("Interactive TEXT content must have role USER, got " + content.role);
            }
            historyClosed = true;
        } else {
            if (historyClosed) {
                throw new InputRejectedException("Chat history (non-interactive " + content.role + " text) must be "
                        + "sent before any audio or interactive content");
            }
            if (!historySeen && !content.role.equals("USER")) {
                throw new InputRejectedException(
                        "The first chat history message must have role USER, got " + content.role);
            }
            historySeen = true;
        }
    }

    /** An audio content started: live content from here on. */
    void audioStarted() {
        historyClosed = true;
    }

    /** Counts text read into a content against the history budget, if that content is history. */
    void textRead(OpenContent content, int bytes) {
        if (!content.role.startsWith("SYSTEM") && !content.interactive) {
            historyBytes += bytes;
            if (historyBytes > MAX_HISTORY_BYTES) {
                throw new InputRejectedException("Chat history is " + historyBytes + " bytes: it may hold at most "
                        + MAX_HISTORY_BYTES + " bytes (40 KB)");
            }
        }
    }
}
