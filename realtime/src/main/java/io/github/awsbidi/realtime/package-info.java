/**
 * An OpenAI Realtime (GA protocol) session over a Nova Sonic conversation, with no transport and no Spring:
 * {@link io.github.awsbidi.realtime.RealtimeSession} takes the client's JSON events and emits the server's.
 */
@NullMarked
package io.github.awsbidi.realtime;

import org.jspecify.annotations.NullMarked;
