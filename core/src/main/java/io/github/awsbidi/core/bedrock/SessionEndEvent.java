package io.github.awsbidi.core.bedrock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Recognises the chunk that asks Bedrock to end a bidirectional stream: Nova Sonic's
 * {@code {"event":{"sessionEnd":{}}}}. After it the service ends the response stream even while the request stream is
 * still open, so a response that ends after it is a normal end, not a broken stream.
 * <p>
 * Only small chunks are looked at: a session end is a few dozen bytes, while audio chunks are kilobytes of base64,
 * which cannot hold the quoted name anyway. The check reads the bytes in place and allocates nothing, and it runs for
 * every small chunk sent, so it skips ahead as a Horspool search does: it reads the byte where the name's last byte
 * would be and moves past every position that byte rules out (most bytes rule out all twelve), instead of trying the
 * name at each position.
 */
final class SessionEndEvent {

    /** Chunks longer than this are never a session end (the event has no fields; whitespace aside it is 28 bytes). */
    static final int MAX_SIZE = 256;

    private static final byte[] NAME = "\"sessionEnd\"".getBytes(StandardCharsets.US_ASCII);

    /** How far the name may move on when the byte under its last byte is {@code b}: Horspool's shift table. */
    private static final byte[] SHIFT = shifts();

    private SessionEndEvent() {}

    /** Whether {@code payload} (read without moving its position) is a session-end event. */
    static boolean matches(ByteBuffer payload) {
        int start = payload.position();
        int end = payload.limit();
        if (end - start > MAX_SIZE) {
            return false;
        }
        int last = NAME.length - 1;
        for (int i = start; i <= end - NAME.length; ) {
            byte b = payload.get(i + last);
            if (b == NAME[last] && matchesAt(payload, i) && keyAt(payload, i + NAME.length, end)) {
                return true;
            }
            i += SHIFT[b & 0xff];
        }
        return false;
    }

    private static byte[] shifts() {
        byte[] shifts = new byte[256];
        Arrays.fill(shifts, (byte) NAME.length);
        for (int j = 0; j < NAME.length - 1; j++) {
            shifts[NAME[j] & 0xff] = (byte) (NAME.length - 1 - j);
        }
        return shifts;
    }

    /** Whether a colon follows (after optional whitespace): the name is a key, not a text's content. */
    private static boolean keyAt(ByteBuffer payload, int from, int end) {
        for (int i = from; i < end; i++) {
            byte b = payload.get(i);
            if (b == ':') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return false;
    }

    private static boolean matchesAt(ByteBuffer payload, int index) {
        for (int j = 0; j < NAME.length; j++) {
            if (payload.get(index + j) != NAME[j]) {
                return false;
            }
        }
        return true;
    }
}
