package io.github.awsbidi.realtime.protocol;

import org.jspecify.annotations.Nullable;

/**
 * {@code audio.input.turn_detection}: {@code server_vad} or {@code semantic_vad}. Null (no turn detection) means
 * manual commits.
 *
 * @param type {@code server_vad} or {@code semantic_vad}
 * @param silenceDurationMs {@code server_vad}'s silence that ends a turn, mapped to Nova Sonic's endpointing
 *     sensitivity
 * @param eagerness {@code semantic_vad}'s {@code low}, {@code medium}, {@code high} or {@code auto}
 * @param createResponse whether a response starts by itself when the user stops speaking
 * @param interruptResponse whether user speech cancels the running response
 */
public record TurnDetection(
        String type,
        @Nullable Integer silenceDurationMs,
        @Nullable String eagerness,
        boolean createResponse,
        boolean interruptResponse) {

    /** {@code server_vad} with the protocol's defaults (500 ms of silence). */
    public static final TurnDetection SERVER_VAD = new TurnDetection("server_vad", 500, null, true, true);
}
