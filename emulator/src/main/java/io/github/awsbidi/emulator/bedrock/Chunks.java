package io.github.awsbidi.emulator.bedrock;

import io.github.awsbidi.emulator.wire.EventStreamMessage;
import java.util.Base64;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Bedrock {@code chunk} event: a JSON payload {@code {"bytes": "<base64>"}}. */
final class Chunks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Chunks() {}

    /** The raw bytes a request chunk carries; throws {@link IllegalArgumentException} when it is not a chunk. */
    static byte[] bytes(EventStreamMessage event) {
        String type = event.stringHeader(":event-type").orElse("");
        if (!type.equals("chunk")) {
            throw new IllegalArgumentException("Unknown input event type '" + type + "'; expected chunk");
        }
        try {
            JsonNode body = JSON.readTree(event.payload());
            JsonNode bytes = body.get("bytes");
            if (bytes == null || !bytes.isString()) {
                throw new IllegalArgumentException("The chunk has no 'bytes' member");
            }
            return Base64.getDecoder().decode(bytes.asString());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The chunk is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A response chunk carrying those bytes. */
    static EventStreamMessage chunk(byte[] bytes) {
        byte[] json = JSON.writeValueAsBytes(Map.of("bytes", Base64.getEncoder().encodeToString(bytes)));
        return EventStreamMessage.event("chunk", "application/json", json);
    }
}
