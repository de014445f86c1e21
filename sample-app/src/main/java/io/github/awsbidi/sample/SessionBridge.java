package io.github.awsbidi.sample;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.core.Frame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bridges one WebSocket connection on {@code /ws/{name}} to one exchange of the session of that name: text
 * messages become UTF-8 frames (for Bedrock: JSON chunks), binary messages BINARY frames, and response frames go back
 * the same way. An empty text message completes the request stream (SageMaker's and Bedrock's half-close); closing
 * the WebSocket cancels the exchange. Back-pressure holds end to end: the next message is read only once the
 * previous frame is accepted by the stream, and a response is read only as fast as the WebSocket writes.
 * <p>
 * A failure is reported as one last text message {@code {"error":{"kind":…,"message":…}}} before the socket closes
 * with status 1011; an unknown session name closes it with 1008.
 */
@Component
public class SessionBridge implements WebSocketHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Stands for the client's end of input in the input chain; never sent. */
    private static final Frame END_OF_INPUT = Frame.text("");

    private final Sessions sessions;

    public SessionBridge(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Mono<Void> handle(WebSocketSession webSocket) {
        String path = webSocket.getHandshakeInfo().getUri().getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        BidirectionalSession session = sessions.find(name).orElse(null);
        if (session == null) {
            return webSocket.close(CloseStatus.POLICY_VIOLATION.withReason(abbreviate("no session '" + name + "'")));
        }
        return session.open()
                .flatMap(exchange -> bridge(webSocket, exchange))
                .onErrorResume(error -> webSocket
                        .send(Mono.just(errorMessage(webSocket, error)))
                        .then(webSocket.close(CloseStatus.SERVER_ERROR.withReason(abbreviate(error.getMessage())))));
    }

    private static Mono<Void> bridge(WebSocketSession webSocket, Exchange exchange) {
        // The first failure of either direction; reported to the client as the last message.
        AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        Mono<Void> input = webSocket
                .receive()
                .filter(message -> message.getType() == WebSocketMessage.Type.TEXT
                        || message.getType() == WebSocketMessage.Type.BINARY)
                // Each message is read as it arrives (its buffer is released once it has been handed on); the
                // sends then wait their turn while the stream's send buffer is full. END_OF_INPUT (compared by
                // identity) marks the client's end of input.
                .map(message -> isEndOfInput(message) ? END_OF_INPUT : toFrame(message))
                .concatMap(
                        frame -> frame == END_OF_INPUT ? Mono.fromRunnable(exchange::complete) : exchange.send(frame))
                .then()
                .onErrorResume(error -> {
                    failure.compareAndSet(null, error);
                    return Mono.empty();
                })
                // The client closed the socket, or a send failed: either way the stream is of no more use.
                .doFinally(signal -> exchange.cancel());
        // One send for the whole connection: responses, then the failure if any (WebFlux allows a single send).
        Flux<WebSocketMessage> responses = exchange.responses()
                .map(frame -> toMessage(webSocket, frame))
                .onErrorResume(error -> {
                    failure.compareAndSet(null, error);
                    return Mono.empty();
                })
                .concatWith(Mono.fromSupplier(failure::get).map(error -> errorMessage(webSocket, error)));
        Mono<Void> output = webSocket.send(responses).then(Mono.defer(() -> {
            Throwable error = failure.get();
            return webSocket.close(
                    error == null
                            ? CloseStatus.NORMAL
                            : CloseStatus.SERVER_ERROR.withReason(abbreviate(error.getMessage())));
        }));
        return Mono.when(input, output);
    }

    private static boolean isEndOfInput(WebSocketMessage message) {
        return message.getType() == WebSocketMessage.Type.TEXT
                && message.getPayload().readableByteCount() == 0;
    }

    /** Copies the payload: the message's buffer is released once this returns. */
    static Frame toFrame(WebSocketMessage message) {
        DataBuffer payload = message.getPayload();
        byte[] bytes = new byte[payload.readableByteCount()];
        payload.read(bytes);
        DataType type = message.getType() == WebSocketMessage.Type.TEXT ? DataType.UTF8 : DataType.BINARY;
        return new Frame(ByteBuffer.wrap(bytes), type, true, null);
    }

    static WebSocketMessage toMessage(WebSocketSession webSocket, Frame frame) {
        if (frame.type() == DataType.UTF8) {
            return webSocket.textMessage(frame.asString());
        }
        return webSocket.binaryMessage(factory -> factory.wrap(frame.toByteArray()));
    }

    private static WebSocketMessage errorMessage(WebSocketSession webSocket, Throwable error) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode body = root.putObject("error");
        body.put("kind", error instanceof BidiStreamException bidi ? bidi.kind().name() : "CLIENT");
        body.put("message", String.valueOf(error.getMessage()));
        return webSocket.textMessage(JSON.writeValueAsString(root));
    }

    /** A close reason must fit in 123 bytes of UTF-8. */
    private static String abbreviate(@Nullable String reason) {
        String text = String.valueOf(reason);
        if (text.length() > 120) {
            text = text.substring(0, 117) + "...";
        }
        while (text.getBytes(StandardCharsets.UTF_8).length > 123) {
            text = text.substring(0, text.length() - 4) + "...";
        }
        return text;
    }
}
