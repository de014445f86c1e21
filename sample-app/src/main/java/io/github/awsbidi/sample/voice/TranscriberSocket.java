package io.github.awsbidi.sample.voice;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.sample.Sessions;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The transcriber panel's WebSocket, {@code /transcriber/ws?rate=48000}: one exchange of the {@code transcriber}
 * SageMaker session per connection. Each recording's microphone audio (binary messages, 16-bit little-endian mono
 * PCM at {@code rate}) goes to the model as PARTIAL parts of one message, and {@code {"type":"stop"}} sends its
 * COMPLETE part (see {@link RecordingParts}); the model's results come back as {@link PageMessage.Result}s, interim
 * while the recording goes on and final on stop. Closing the socket cancels the exchange.
 */
@Component
public final class TranscriberSocket implements WebSocketHandler {

    private final Sessions sessions;

    private final String sessionName;

    TranscriberSocket(Sessions sessions, @Value("${sample.transcriber.session:transcriber}") String sessionName) {
        this.sessions = sessions;
        this.sessionName = sessionName;
    }

    @Override
    public Mono<Void> handle(WebSocketSession webSocket) {
        MicrophoneRate rate;
        try {
            rate = MicrophoneRate.of(webSocket.getHandshakeInfo().getUri());
        } catch (IllegalArgumentException ex) {
            return refuse(webSocket, String.valueOf(ex.getMessage()));
        }
        BidirectionalSession session = sessions.find(sessionName).orElse(null);
        if (session == null) {
            return refuse(webSocket, "no session '" + sessionName + "' (sample.transcriber.session)");
        }
        return session.open()
                .flatMap(exchange -> bridge(webSocket, exchange, new RecordingParts(rate.hertz())))
                .onErrorResume(error ->
                        PageMessages.failAndClose(webSocket, PageMessages.error(error), CloseStatus.SERVER_ERROR));
    }

    private static Mono<Void> refuse(WebSocketSession webSocket, String problem) {
        return PageMessages.failAndClose(
                webSocket, new PageMessage.Error("CLIENT", problem), CloseStatus.POLICY_VIOLATION);
    }

    private static Mono<Void> bridge(WebSocketSession webSocket, Exchange exchange, RecordingParts parts) {
        // The server's own messages for the page: a control message it does not understand.
        Sinks.Many<PageMessage> notices = Sinks.many().unicast().onBackpressureBuffer();
        Mono<Void> input = webSocket
                .receive()
                // Read each message as it arrives (its buffer is released once it has been handed on), then send
                // its parts in order, waiting while the stream's send buffer is full.
                .map(message -> parts(message, parts, notices))
                .concatMap(frames -> Flux.fromIterable(frames).concatMap(exchange::send))
                .then()
                .onErrorComplete()
                // The page went away: the stream is of no more use.
                .doFinally(signal -> exchange.cancel());
        Flux<PageMessage> results = exchange.responses()
                .filter(frame -> frame.type() == DataType.UTF8)
                .mapNotNull(frame -> TranscriberResults.read(frame.asString()).orElse(null))
                .onErrorResume(error -> Mono.just(PageMessages.error(error)))
                .doFinally(signal -> notices.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1))));
        Flux<WebSocketMessage> output = Flux.concat(
                        Mono.just(new PageMessage.State("connected", exchange.id())),
                        results.mergeWith(notices.asFlux()),
                        Mono.fromSupplier(() -> new PageMessage.State("closed", "stream ended")))
                .map(message -> PageMessages.text(webSocket, message));
        Mono<Void> send = webSocket
                .send(output)
                .then(Mono.defer(() -> webSocket.close(CloseStatus.NORMAL)))
                .onErrorComplete();
        return Mono.when(input, send);
    }

    private static List<Frame> parts(WebSocketMessage message, RecordingParts parts, Sinks.Many<PageMessage> notices) {
        if (message.getType() == WebSocketMessage.Type.BINARY) {
            return parts.audio(PageMessages.bytes(message));
        }
        if (message.getType() != WebSocketMessage.Type.TEXT) {
            return List.of();
        }
        String text = message.getPayloadAsText();
        if (PageMessages.controlType(text).equals("stop")) {
            List<Frame> last = parts.stop().stream().toList();
            if (last.isEmpty()) {
                notices.emitNext(
                        new PageMessage.Error("CLIENT", "stop before any audio: nothing to transcribe"),
                        Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
            }
            return last;
        }
        notices.emitNext(
                new PageMessage.Error(
                        "CLIENT", "control message 'type' must be 'stop', got: " + PageMessages.abbreviate(text)),
                Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        return List.of();
    }
}
