package io.github.awsbidi.emulator.wire;

/**
 * UTF-8 sizes and checks without encoding or decoding: header names and values are ASCII in practice, and
 * sizing them through {@code getBytes} or a {@code CharsetDecoder} cost every event several allocations.
 */
final class Utf8 {

    private Utf8() {}

    /**
     * Exactly {@code text.getBytes(UTF_8).length}: a lone surrogate counts as the one byte ({@code '?'}) that
     * {@code getBytes} puts in its place.
     */
    static int length(String text) {
        int length = 0;
        int size = text.length();
        for (int i = 0; i < size; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < size && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /** Whether every byte is ASCII, so the bytes are valid UTF-8 and decode one char per byte. */
    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
