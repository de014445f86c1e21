package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.novasonic.ConversationListener;

/**
 * Gives each {@code <name>NovaSonic} bean a {@link ConversationListener} of its own, e.g. meters tagged with the
 * session's name. Every bean of this type is applied, with every plain {@link ConversationListener} bean.
 */
@FunctionalInterface
public interface NovaSonicListenerFactory {

    /** The listener of the conversations of the session of that name. */
    ConversationListener listener(String sessionName);
}
