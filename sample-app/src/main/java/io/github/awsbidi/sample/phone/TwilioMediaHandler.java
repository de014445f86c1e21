package io.github.awsbidi.sample.phone;

import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.novasonic.audio.MuLaw;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /twilio/media}: each WebSocket is one Twilio Media Stream, so one {@link PhoneCall} with the assistant.
 * The server closes the socket once the call is over (after {@code stop}), with status 1011 if it failed.
 */
@Component
@Conditional(TwilioTokenCondition.class)
final class TwilioMediaHandler implements WebSocketHandler {

    static final String PROVIDER = "twilio";

    private final NovaSonic assistant;
    private final PhoneCallMetrics metrics;

    /** The assistant of the voice page (same session, prompt and tools), speaking at the phone line's 8 kHz. */
    TwilioMediaHandler(@Qualifier("assistantNovaSonic") NovaSonic assistant, PhoneCallMetrics metrics) {
        this.assistant = assistant.withSettings(assistant.settings().toBuilder()
                .inputSampleRate(PhoneCall.MODEL_INPUT_RATE)
                .outputSampleRate(MuLaw.SAMPLE_RATE)
                .build());
        this.metrics = metrics;
    }

    /** The client calls are made with: {@code assistantNovaSonic} with 16 kHz input and 8 kHz output. */
    NovaSonic assistant() {
        return assistant;
    }

    @Override
    public Mono<Void> handle(WebSocketSession webSocket) {
        PhoneCall call = new PhoneCall(assistant, metrics, PROVIDER, Schedulers.parallel());
        Flux<String> inbound = webSocket
                .receive()
                .filter(message -> message.getType() == WebSocketMessage.Type.TEXT)
                .map(WebSocketMessage::getPayloadAsText);
        Mono<Void> output = webSocket
                .send(call.outbound().map(message -> webSocket.textMessage(TwilioCodec.write(message))))
                .then(Mono.defer(() -> webSocket.close(call.failed() ? CloseStatus.SERVER_ERROR : CloseStatus.NORMAL)));
        return Mono.when(call.receive(inbound), output);
    }
}
