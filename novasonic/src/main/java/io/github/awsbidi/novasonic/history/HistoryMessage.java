package io.github.awsbidi.novasonic.history;

import io.github.awsbidi.novasonic.event.Role;
import java.util.List;
import java.util.Objects;

/**
 * One history content block as it is sent: a role and the text split into {@code textInput} pieces,
 * each within the per-piece limit. The pieces concatenate to the message's text.
 */
public record HistoryMessage(Role role, List<String> pieces) {

    public HistoryMessage {
        Objects.requireNonNull(role, "role");
        pieces = List.copyOf(pieces);
    }

    /** The whole text of the message. */
    public String text() {
        return String.join("", pieces);
    }
}
