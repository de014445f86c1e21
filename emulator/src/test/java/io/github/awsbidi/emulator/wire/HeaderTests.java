package io.github.awsbidi.emulator.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeaderTests {

    @Test
    void nameOfMoreThan255Utf8BytesIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Header.string("é".repeat(128), "v"))
                .withMessageContaining("header name length 256 bytes exceeds limit 255");
        assertThat(Header.string("a".repeat(255), "v").name()).hasSize(255);
    }

    @Test
    void emptyNameIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Header.string("", "v"))
                .withMessageContaining("must not be empty");
    }

    @Test
    void valuesOver32767BytesAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Header.bytes("b", new byte[32768]))
                .withMessageContaining("value length 32768 bytes exceeds limit 32767");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Header.string("s", "é".repeat(16384)))
                .withMessageContaining("value length 32768 bytes exceeds limit 32767");
        assertThat(Header.bytes("b", new byte[32767]).bytesValue()).hasSize(32767);
    }

    @Test
    void valueMustMatchType() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Header("x", HeaderType.LONG, 5))
                .withMessageContaining("needs a Long value, not Integer");
        assertThatIllegalArgumentException().isThrownBy(() -> new Header("x", HeaderType.BOOL_TRUE, false));
    }

    @Test
    void typedAccessorsRefuseOtherTypes() {
        Header header = Header.string("s", "v");
        assertThat(header.stringValue()).isEqualTo("v");
        assertThatIllegalStateException()
                .isThrownBy(header::bytesValue)
                .withMessage("header 's' has type STRING, not BYTE_ARRAY");
        assertThatIllegalStateException().isThrownBy(header::timestampValue);
        assertThatIllegalStateException()
                .isThrownBy(() -> Header.bytes("b", new byte[1]).stringValue());
    }

    @Test
    void timestampKeepsMillisecondPrecisionLikeTheWire() {
        Header header = Header.timestamp("t", Instant.parse("2025-01-02T03:04:05.123456789Z"));
        assertThat(header.timestampValue()).isEqualTo(Instant.parse("2025-01-02T03:04:05.123Z"));
    }

    @Test
    void byteArrayHeadersCompareByContent() {
        assertThat(Header.bytes("b", new byte[] {1, 2}))
                .isEqualTo(Header.bytes("b", new byte[] {1, 2}))
                .hasSameHashCodeAs(Header.bytes("b", new byte[] {1, 2}))
                .isNotEqualTo(Header.bytes("b", new byte[] {1, 3}));
    }
}
