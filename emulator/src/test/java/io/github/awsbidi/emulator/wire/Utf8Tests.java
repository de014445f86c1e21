package io.github.awsbidi.emulator.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sizing without encoding gives what encoding gives, for every kind of character and broken surrogates. */
class Utf8Tests {

    @Test
    void lengthIsTheEncodedLength() {
        for (String text : List.of(
                "",
                ":event-type",
                "PayloadPart",
                "é",
                "日本",
                "😀",
                "a😀b",
                "\uD83D",
                "\uDE00x",
                "x\uD83D\uD83Dy",
                "\u07FF\u0800\uFFFF")) {
            assertThat(Utf8.length(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void onlyAsciiBytesAreAscii() {
        assertThat(Utf8.isAscii("chunk".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(Utf8.isAscii(new byte[0])).isTrue();
        assertThat(Utf8.isAscii("é".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Utf8.isAscii(new byte[] {'a', (byte) 0xFF})).isFalse();
    }
}
