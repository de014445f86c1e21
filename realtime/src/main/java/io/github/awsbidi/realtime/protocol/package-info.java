/**
 * The OpenAI Realtime GA protocol's events as Java types: the client events read by
 * {@link io.github.awsbidi.realtime.protocol.ClientEvents}, the server events written by
 * {@link io.github.awsbidi.realtime.protocol.RealtimeJson}. Names and JSON shapes follow openai-python's
 * {@code types/realtime}.
 */
@NullMarked
package io.github.awsbidi.realtime.protocol;

import org.jspecify.annotations.NullMarked;
