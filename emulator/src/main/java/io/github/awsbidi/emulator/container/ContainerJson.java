package io.github.awsbidi.emulator.container;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON helpers shared by the built-in models. */
final class ContainerJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ContainerJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code text} as a JSON object, or empty when it is not one. */
    static Optional<JsonNode> parseObject(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** The string field {@code type} of a control message, or empty. */
    static Optional<String> type(JsonNode message) {
        JsonNode type = message.get("type");
        return type != null && type.isString() ? Optional.of(type.stringValue()) : Optional.empty();
    }

    static TextWebSocketFrame frame(ObjectNode message) {
        return new TextWebSocketFrame(MAPPER.writeValueAsString(message));
    }

    static TextWebSocketFrame error(String message) {
        return frame(object().put("type", "Error").put("message", message));
    }

    static TextWebSocketFrame describe(ContainerRequest request) {
        return frame(
                object().put("type", "Describe").put("path", request.path()).put("query", request.query()));
    }
}
