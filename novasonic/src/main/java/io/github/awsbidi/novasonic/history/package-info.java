/** Conversation history and its shaping to Nova Sonic's chat-history limits. */
@NullMarked
package io.github.awsbidi.novasonic.history;

import org.jspecify.annotations.NullMarked;
