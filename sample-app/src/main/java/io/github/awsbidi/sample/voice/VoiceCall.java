package io.github.awsbidi.sample.voice;

import io.github.awsbidi.novasonic.Conversation;
import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.audio.PcmResampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

/** One voice page connection over one conversation: the page's messages in, the conversation's events out. */
final class VoiceCall {

    // The input and the conversation's threads may both emit notices: retry briefly rather than drop one.
    private static final Sinks.EmitFailureHandler RETRY = Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1));

    private final WebSocketSession webSocket;

    private final Conversation conversation;

    // Used only by the input chain, one message at a time.
    private final PcmResampler microphone;

    // Used only by the output chain, one event at a time.
    private final TurnLatency latency = new TurnLatency(System::nanoTime);

    // Messages the server itself has for the page (a rejected control message, a failed send).
    private final Sinks.Many<PageMessage> notices = Sinks.many().unicast().onBackpressureBuffer();

    private final int outputRate;

    VoiceCall(
            WebSocketSession webSocket, Conversation conversation, int microphoneRate, int inputRate, int outputRate) {
        this.webSocket = webSocket;
        this.conversation = conversation;
        this.outputRate = outputRate;
        this.microphone = new PcmResampler(microphoneRate, inputRate);
    }

    Mono<Void> run() {
        Mono<Void> input = webSocket
                .receive()
                // Read each message as it arrives (its buffer is released once it has been handed on), then hand it
                // to the conversation in order.
                .map(this::accept)
                .concatMap(send -> send)
                .then()
                // The page closed the socket (or the conversation refused audio): end the conversation properly.
                .onErrorResume(error -> {
                    tell(PageMessages.error(error));
                    return Mono.empty();
                })
                .then(Mono.defer(conversation::close));
        // events() allows one subscriber: the notices end with it, so the merge ends when the conversation does.
        Flux<WebSocketMessage> events = conversation
                .events()
                .concatMapIterable(this::toMessages)
                .doFinally(signal -> notices.emitComplete(RETRY));
        Flux<WebSocketMessage> output = Flux.concat(
                Mono.just(text(new PageMessage.State("connected", conversation.id()))),
                Mono.just(text(new PageMessage.Speech(outputRate))),
                events.mergeWith(notices.asFlux().map(this::text)));
        Mono<Void> send = webSocket
                .send(output)
                .then(Mono.defer(() -> webSocket.close(CloseStatus.NORMAL)))
                // Sending fails only once the page has gone; the input side closes the conversation then.
                .onErrorComplete();
        // Cancelled (the server shutting down, the connection torn down under the handler): the conversation is
        // closed all the same, not left for the service to time out.
        return Mono.when(input, send).doOnCancel(() -> conversation.close().subscribe(null, error -> {}));
    }

    private Mono<Void> accept(WebSocketMessage message) {
        if (message.getType() == WebSocketMessage.Type.BINARY) {
            byte[] pcm = microphone.process(PageMessages.bytes(message));
            return pcm.length == 0 ? Mono.empty() : conversation.sendAudio(pcm);
        }
        if (message.getType() != WebSocketMessage.Type.TEXT) {
            return Mono.empty();
        }
        String text = message.getPayloadAsText();
        JsonNode control = PageMessages.control(text);
        if ("say".equals(control.path("type").asString(""))
                && control.path("text").isString()
                && !control.path("text").asString().isBlank()) {
            return conversation.sendText(control.path("text").asString());
        }
        return reject(
                "control message 'type' must be 'say' with a non-blank 'text', got: " + PageMessages.abbreviate(text));
    }

    private Mono<Void> reject(String problem) {
        tell(new PageMessage.Error("CLIENT", problem));
        return Mono.empty();
    }

    private void tell(PageMessage notice) {
        notices.emitNext(notice, RETRY);
    }

    private List<WebSocketMessage> toMessages(ConversationEvent event) {
        List<WebSocketMessage> messages = new ArrayList<>(2);
        // The latency figure goes just before the audio that ends the wait, so the page shows it as playback starts.
        latency.accept(event).ifPresent(millis -> messages.add(text(new PageMessage.Latency(millis))));
        if (event instanceof ConversationEvent.AudioOut audio) {
            messages.add(webSocket.binaryMessage(factory -> factory.wrap(audio.pcm())));
        } else if (event instanceof ConversationEvent.Transcript transcript) {
            messages.add(text(new PageMessage.Transcript(
                    transcript.role().name(), transcript.stage().name(), transcript.text())));
        } else if (event instanceof ConversationEvent.ToolCall call) {
            messages.add(text(new PageMessage.ToolCall(call.name(), call.arguments())));
        } else if (event instanceof ConversationEvent.Interrupted) {
            messages.add(text(new PageMessage.BargeIn()));
        } else if (event instanceof ConversationEvent.TurnEnd) {
            messages.add(text(new PageMessage.TurnEnd()));
        } else if (event instanceof ConversationEvent.Renewed renewed) {
            messages.add(text(new PageMessage.State("connected", "moved to a new stream: " + renewed.reason())));
        } else if (event instanceof ConversationEvent.Closed closed) {
            Throwable error = closed.error();
            if (error != null) {
                messages.add(text(PageMessages.error(error)));
            }
            messages.add(text(new PageMessage.State("closed", closed.reason())));
        }
        // Token usage and the service's speech start/end markers are not shown.
        return messages;
    }

    private WebSocketMessage text(PageMessage message) {
        return PageMessages.text(webSocket, message);
    }
}
