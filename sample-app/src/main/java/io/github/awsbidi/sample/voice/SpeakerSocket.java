package io.github.awsbidi.sample.voice;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.polly.PollySession;
import io.github.awsbidi.polly.PollySessionSettings;
import io.github.awsbidi.polly.PollySpeech;
import io.github.awsbidi.sample.Sessions;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

/**
 * The speaker panel's WebSocket, {@code /speaker/ws}: one Polly stream of the {@code speaker} session per
 * connection, driven through {@link PollySpeech}. The page sends text as it is produced, a word at a time,
 * {@code {"type":"text","text":"Hello "}}, then {@code {"type":"close"}} (or {@code {"type":"flush"}} to hear what is
 * buffered now); it is told the audio's rate ({@link PageMessage.Speech}), gets the audio as binary messages of
 * 16-bit little-endian mono PCM as Polly produces it, and finally the characters Polly billed
 * ({@link PageMessage.Spoken}). Closing the socket cancels the stream.
 */
@Component
public final class SpeakerSocket implements WebSocketHandler {

    private static final Sinks.EmitFailureHandler RETRY = Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1));

    private final Sessions sessions;

    private final String sessionName;

    SpeakerSocket(Sessions sessions, @Value("${sample.speaker.session:speaker}") String sessionName) {
        this.sessions = sessions;
        this.sessionName = sessionName;
    }

    @Override
    public Mono<Void> handle(WebSocketSession webSocket) {
        BidirectionalSession session = sessions.find(sessionName).orElse(null);
        if (!(session instanceof PollySession polly)) {
            return refuse(webSocket, "no Polly session '" + sessionName + "' (sample.speaker.session)");
        }
        PollySessionSettings settings = polly.settings();
        if (!"pcm".equals(settings.outputFormat())) {
            // The page plays raw samples only.
            return refuse(
                    webSocket,
                    "session '" + sessionName + "' must have output-format pcm for the page, got "
                            + settings.outputFormat());
        }
        return PollySpeech.open(polly)
                .flatMap(speech -> new Speaking(webSocket, speech).bridge(settings.effectiveSampleRate()))
                .onErrorResume(error ->
                        PageMessages.failAndClose(webSocket, PageMessages.error(error), CloseStatus.SERVER_ERROR));
    }

    private static Mono<Void> refuse(WebSocketSession webSocket, String problem) {
        return PageMessages.failAndClose(
                webSocket, new PageMessage.Error("CLIENT", problem), CloseStatus.POLICY_VIOLATION);
    }

    /** One connection's stream: the page's text in, the audio out. */
    private static final class Speaking {

        private final WebSocketSession webSocket;

        private final PollySpeech speech;

        // The server's own messages for the page: a control message it does not understand.
        private final Sinks.Many<PageMessage> notices = Sinks.many().unicast().onBackpressureBuffer();

        // Whether the page has closed the text; touched by the input side only, one message at a time.
        private boolean closed;

        Speaking(WebSocketSession webSocket, PollySpeech speech) {
            this.webSocket = webSocket;
            this.speech = speech;
        }

        Mono<Void> bridge(int sampleRate) {
            Mono<Void> input = webSocket
                    .receive()
                    // Read (and checked) as each message arrives, so that text after close is refused at once; sent
                    // in order, each event waiting while the stream's send buffer is full.
                    .map(message -> accept(control(message)))
                    .concatMap(event -> event)
                    .then()
                    .onErrorComplete()
                    // The page went away (or the audio has ended and the socket closed): the stream is of no more use.
                    .doFinally(signal -> speech.cancel());
            Flux<WebSocketMessage> audio = speech.audio()
                    .map(chunk -> webSocket.binaryMessage(factory -> factory.wrap(chunk)))
                    .concatWith(speech.requestCharacters()
                            .map(characters -> PageMessages.text(webSocket, new PageMessage.Spoken(characters))))
                    .onErrorResume(error -> Mono.just(PageMessages.text(webSocket, PageMessages.error(error))))
                    .doFinally(signal -> notices.emitComplete(RETRY));
            Flux<WebSocketMessage> output = Flux.concat(
                    Mono.just(text(
                            new PageMessage.State("connected", speech.exchange().id()))),
                    Mono.just(text(new PageMessage.Speech(sampleRate))),
                    audio.mergeWith(notices.asFlux().map(this::text)),
                    Mono.fromSupplier(() -> text(new PageMessage.State("closed", "stream ended"))));
            Mono<Void> send = webSocket
                    .send(output)
                    .then(Mono.defer(() -> webSocket.close(CloseStatus.NORMAL)))
                    .onErrorComplete();
            return Mono.when(input, send);
        }

        private static String control(WebSocketMessage message) {
            return message.getType() == WebSocketMessage.Type.TEXT ? message.getPayloadAsText() : "(binary message)";
        }

        private Mono<Void> accept(String message) {
            JsonNode control = PageMessages.control(message);
            String type = control.path("type").asString("");
            boolean validText = "text".equals(type)
                    && control.path("text").isString()
                    && !control.path("text").asString().isEmpty();
            if (!validText && !"flush".equals(type) && !"close".equals(type)) {
                return reject("control message 'type' must be 'text' with a non-empty 'text', 'flush' or 'close', got: "
                        + PageMessages.abbreviate(message));
            }
            if (closed) {
                return reject("the text was closed: nothing more can be spoken on this stream, got: "
                        + PageMessages.abbreviate(message));
            }
            closed = "close".equals(type);
            return switch (type) {
                case "text" -> Mono.defer(() -> speech.say(control.path("text").asString()));
                case "flush" -> Mono.defer(speech::flush);
                // Not awaited: close() completes only once Polly has spoken the rest, and the page's messages after it
                // are to be answered now (refused), not then. Its characters and errors reach the page with the audio.
                default -> Mono.fromRunnable(() -> speech.close().subscribe(characters -> {}, error -> {}));
            };
        }

        private Mono<Void> reject(String problem) {
            notices.emitNext(new PageMessage.Error("CLIENT", problem), RETRY);
            return Mono.empty();
        }

        private WebSocketMessage text(PageMessage message) {
            return PageMessages.text(webSocket, message);
        }
    }
}
