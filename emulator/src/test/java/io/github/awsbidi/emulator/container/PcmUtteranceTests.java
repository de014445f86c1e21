package io.github.awsbidi.emulator.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class PcmUtteranceTests {

    @Test
    void measuresDurationAndRmsOfFullScaleSquareWave() {
        var utterance = new PcmUtterance(16_000);
        add(utterance, new byte[] {(byte) 0xFF, 0x7F, 0x01, (byte) 0x80, (byte) 0xFF, 0x7F, 0x01, (byte) 0x80});

        assertThat(utterance.samples()).isEqualTo(4);
        assertThat(utterance.durationSeconds()).isEqualTo(4 / 16_000.0);
        assertThat(utterance.rms()).isCloseTo(32767 / 32768.0, within(1e-9));
    }

    @Test
    void carriesAnOddByteIntoTheNextFrame() {
        var utterance = new PcmUtterance(16_000);
        add(utterance, new byte[] {0x10, 0x00, 0x34});
        assertThat(utterance.samples()).isEqualTo(1);
        assertThat(utterance.bytes()).isEqualTo(3);

        add(utterance, new byte[] {0x12});
        assertThat(utterance.samples()).isEqualTo(2);
        // 0x1234 and 0x0010, the split sample reassembled little-endian.
        double expected = Math.sqrt((0x1234 * 0x1234 + 0x10 * 0x10) / 2.0) / 32768.0;
        assertThat(utterance.rms()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void resetKeepsTheCarriedByte() {
        var utterance = new PcmUtterance(8_000);
        add(utterance, new byte[] {0x01});
        utterance.reset();
        assertThat(utterance.isEmpty()).isTrue();

        add(utterance, new byte[] {0x00});
        assertThat(utterance.samples()).isEqualTo(1);
        assertThat(utterance.durationSeconds()).isEqualTo(1 / 8_000.0);
    }

    private static void add(PcmUtterance utterance, byte[] bytes) {
        ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
        try {
            utterance.add(buffer);
        } finally {
            buffer.release();
        }
    }
}
