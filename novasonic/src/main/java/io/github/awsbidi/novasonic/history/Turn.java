package io.github.awsbidi.novasonic.history;

import io.github.awsbidi.novasonic.event.Role;
import java.util.Objects;

/** One message of a past conversation: a {@link Role#USER} or {@link Role#ASSISTANT} text. */
public record Turn(Role role, String text) {

    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        if (role != Role.USER && role != Role.ASSISTANT) {
            throw new IllegalArgumentException("history turn role must be USER or ASSISTANT, was " + role);
        }
    }

    /** A user turn. */
    public static Turn user(String text) {
        return new Turn(Role.USER, text);
    }

    /** An assistant turn. */
    public static Turn assistant(String text) {
        return new Turn(Role.ASSISTANT, text);
    }
}
