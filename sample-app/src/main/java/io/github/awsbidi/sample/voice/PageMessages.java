package io.github.awsbidi.sample.voice;

import io.github.awsbidi.core.BidiStreamException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** Writes {@link PageMessage}s as WebSocket text messages and reads what the pages send. */
final class PageMessages {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    // Written through the interface type so that every message carries its "type".
    private static final ObjectWriter WRITER = MAPPER.writerFor(PageMessage.class);

    private PageMessages() {}

    static String json(PageMessage message) {
        return WRITER.writeValueAsString(message);
    }

    static WebSocketMessage text(WebSocketSession webSocket, PageMessage message) {
        return webSocket.textMessage(json(message));
    }

    /** A control message from the page, or a missing node when it is not JSON. */
    static JsonNode control(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (RuntimeException ex) {
            return MissingNode.getInstance();
        }
    }

    /** The {@code type} of a control message from the page, or {@code ""} when it is not a JSON object with one. */
    static String controlType(String text) {
        return control(text).path("type").asString("");
    }

    /** A copy of a binary message's bytes: the message's buffer is released once it has been handed on. */
    static byte[] bytes(WebSocketMessage message) {
        DataBuffer payload = message.getPayload();
        byte[] bytes = new byte[payload.readableByteCount()];
        payload.read(bytes);
        return bytes;
    }

    /** Tells the page what went wrong, then closes the socket with {@code status} and the message as its reason. */
    static Mono<Void> failAndClose(WebSocketSession webSocket, PageMessage.Error error, CloseStatus status) {
        return webSocket
                .send(Mono.just(text(webSocket, error)))
                .then(webSocket.close(status.withReason(closeReason(error.message()))));
    }

    /** A page's message, shortened for an error message that quotes it. */
    static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    static PageMessage.Error error(Throwable error) {
        String kind = error instanceof BidiStreamException bidi ? bidi.kind().name() : "CLIENT";
        return new PageMessage.Error(kind, String.valueOf(error.getMessage()));
    }

    /** A close reason must fit in 123 bytes of UTF-8; ASCII-trimmed, which every message here is. */
    static String closeReason(@Nullable String reason) {
        String text = String.valueOf(reason).replaceAll("[^\\x20-\\x7e]", "?");
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
