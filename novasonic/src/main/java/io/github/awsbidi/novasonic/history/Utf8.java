package io.github.awsbidi.novasonic.history;

import java.util.ArrayList;
import java.util.List;

/** UTF-8 byte arithmetic on strings that never cuts inside a code point. */
final class Utf8 {

    private Utf8() {}

    static int length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            bytes += bytes(codePoint);
            i += Character.charCount(codePoint);
        }
        return bytes;
    }

    static int bytes(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        // Lone surrogates are encoded as '?' (one byte) by String#getBytes; count them as three to stay on the safe
        // side.
        return codePoint < 0x10000 ? 3 : 4;
    }

    /** Consecutive pieces of at most {@code maxBytes} each that concatenate to {@code text}. */
    static List<String> split(String text, int maxBytes) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = bytes(codePoint);
            if (bytes + size > maxBytes) {
                pieces.add(text.substring(start, i));
                start = i;
                bytes = 0;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    /** The longest suffix of {@code text} of at most {@code maxBytes}. */
    static String tail(String text, int maxBytes) {
        int bytes = 0;
        int i = text.length();
        while (i > 0) {
            int codePoint = text.codePointBefore(i);
            int size = bytes(codePoint);
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i -= Character.charCount(codePoint);
        }
        return text.substring(i);
    }
}
