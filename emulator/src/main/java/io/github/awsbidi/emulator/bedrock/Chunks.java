package io.github.awsbidi.emulator.bedrock;

import io.github.awsbidi.emulator.wire.EventStreamMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bedrock {@code chunk} event: a JSON payload {@code {"bytes": "<base64>"}}. The SDKs write exactly
 * {@code {"bytes":"<base64>"}}, and Jackson writes a response chunk the same way (base64 needs no escaping), so
 * that form is read and written without Jackson, which costs the echo path a tree and a map per frame; every
 * other form of JSON goes through Jackson as before, so what is accepted or refused does not change.
 */
final class Chunks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] PREFIX = "{\"bytes\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "\"}".getBytes(StandardCharsets.US_ASCII);

    private Chunks() {}

    /** The raw bytes a request chunk carries; throws {@link IllegalArgumentException} when it is not a chunk. */
    static byte[] bytes(EventStreamMessage event) {
        String type = event.stringHeader(":event-type").orElse("");
        if (!type.equals("chunk")) {
            throw new IllegalArgumentException("Unknown input event type '" + type + "'; expected chunk");
        }
        byte[] payload = event.payload();
        if (isCompact(payload)) {
            return Base64.getDecoder()
                    .decode(Arrays.copyOfRange(payload, PREFIX.length, payload.length - SUFFIX.length));
        }
        try {
            JsonNode body = JSON.readTree(payload);
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
        byte[] base64 = Base64.getEncoder().encode(bytes);
        byte[] json = new byte[PREFIX.length + base64.length + SUFFIX.length];
        System.arraycopy(PREFIX, 0, json, 0, PREFIX.length);
        System.arraycopy(base64, 0, json, PREFIX.length, base64.length);
        System.arraycopy(SUFFIX, 0, json, PREFIX.length + base64.length, SUFFIX.length);
        return EventStreamMessage.event("chunk", "application/json", json);
    }

    /**
     * Whether the payload is {@code {"bytes":"…"}} with only base64 characters inside the string: then the
     * string's value is those very bytes (no escapes), and it is the object's only member.
     */
    static boolean isCompact(byte[] payload) {
        int end = payload.length - SUFFIX.length;
        if (end < PREFIX.length
                || !Arrays.equals(payload, 0, PREFIX.length, PREFIX, 0, PREFIX.length)
                || !Arrays.equals(payload, end, payload.length, SUFFIX, 0, SUFFIX.length)) {
            return false;
        }
        for (int i = PREFIX.length; i < end; i++) {
            byte b = payload[i];
            boolean base64 = (b >= 'A' && b <= 'Z')
                    || (b >= 'a' && b <= 'z')
                    || (b >= '0' && b <= '9')
                    || b == '+'
                    || b == '/'
                    || b == '=';
            if (!base64) {
                return false;
            }
        }
        return true;
    }
}
