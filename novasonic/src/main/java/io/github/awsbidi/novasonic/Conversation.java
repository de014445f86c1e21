package io.github.awsbidi.novasonic;

import java.nio.ByteBuffer;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A live Nova Sonic speech-to-speech conversation, started by {@link NovaSonic#start()}. Send the
 * user's audio and text, read {@link #events()}, and {@link #close()} when done. The conversation
 * outlives its HTTP/2 streams: it moves to a fresh stream before the service's ~8-minute limit and
 * after recoverable errors, carrying the history and the latest user audio over, and reports each
 * move as {@link ConversationEvent.Renewed}. Thread-safe. The {@code Mono}s do nothing until
 * subscribed.
 */
public interface Conversation {

    /** An id for logs and correlation. */
    String id();

    /**
     * Sends user audio: 16-bit little-endian mono PCM at the settings' input rate, in pieces of any
     * size (cut into ~32 ms events). Fails if the conversation is closed or the send queue is full.
     */
    Mono<Void> sendAudio(byte[] pcm16);

    /** {@link #sendAudio(byte[])} from the buffer's remaining bytes (which are consumed). */
    Mono<Void> sendAudio(ByteBuffer pcm16);

    /** Sends what the user typed as an interactive USER text turn: the model answers it. */
    Mono<Void> sendText(String text);

    /**
     * Replaces the tools the model may call. Tools are declared when a stream starts, so the conversation
     * moves to a fresh stream at the next turn boundary ({@link RenewalCause#TOOL_CHANGE}); handlers of the
     * new set answer calls from then on. Fails with {@link io.github.awsbidi.core.InvalidSettingException} for an invalid
     * tool (e.g. a name outside {@code ^[a-zA-Z0-9_-]+$}).
     */
    Mono<Void> updateTools(List<NovaSonicTool> tools);

    /**
     * What happens in the conversation, in order, across stream renewals; ends after
     * {@link ConversationEvent.Closed}. One subscriber; events wait in a buffer until it subscribes.
     * Events are delivered on the streams' threads: do not block in the subscriber ({@code publishOn}
     * a scheduler for slow work).
     */
    Flux<ConversationEvent> events();

    /**
     * Ends the conversation with the full closing sequence (audio contentEnd, promptEnd, sessionEnd),
     * lets the service finish, then completes {@link #events()} after {@link ConversationEvent.Closed}.
     * Idempotent.
     */
    Mono<Void> close();
}
