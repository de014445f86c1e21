package io.github.awsbidi.sample.voice;

import io.github.awsbidi.novasonic.NovaSonic;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * The voice page's WebSocket, {@code /voice/ws?rate=48000}: one Nova Sonic conversation of the {@code assistant}
 * session per connection. The page sends its microphone as binary messages (16-bit little-endian mono PCM at
 * {@code rate}, resampled here to the conversation's input rate) and may send a typed turn as
 * {@code {"type":"say","text":"…"}}; it receives the assistant's speech as binary messages (PCM at the conversation's
 * output rate, 24 kHz by default) and everything else as {@link PageMessage}s. Closing the socket closes the
 * conversation.
 */
@Component
public final class VoiceSocket implements WebSocketHandler {

    private final NovaSonic assistant;

    VoiceSocket(@Qualifier("assistantNovaSonic") NovaSonic assistant) {
        this.assistant = assistant;
    }

    @Override
    public Mono<Void> handle(WebSocketSession webSocket) {
        MicrophoneRate rate;
        try {
            rate = MicrophoneRate.of(webSocket.getHandshakeInfo().getUri());
        } catch (IllegalArgumentException ex) {
            return PageMessages.failAndClose(webSocket, PageMessages.error(ex), CloseStatus.POLICY_VIOLATION);
        }
        int inputRate = assistant.settings().inputSampleRate();
        int outputRate = assistant.settings().outputSampleRate();
        return assistant
                .start()
                .flatMap(conversation ->
                        new VoiceCall(webSocket, conversation, rate.hertz(), inputRate, outputRate).run())
                .onErrorResume(error ->
                        PageMessages.failAndClose(webSocket, PageMessages.error(error), CloseStatus.SERVER_ERROR));
    }
}
