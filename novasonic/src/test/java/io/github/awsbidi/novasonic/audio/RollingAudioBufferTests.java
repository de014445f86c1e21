package io.github.awsbidi.novasonic.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RollingAudioBufferTests {

    @Test
    void keepsOnlyTheMostRecentBytes() {
        RollingAudioBuffer buffer = new RollingAudioBuffer(6);

        buffer.write(new byte[] {1, 2, 3, 4});
        assertThat(buffer.snapshot()).containsExactly(1, 2, 3, 4);
        buffer.write(new byte[] {5, 6, 7, 8});
        assertThat(buffer.snapshot()).containsExactly(3, 4, 5, 6, 7, 8);
        buffer.write(new byte[] {9, 10, 11, 12, 13, 14, 15, 16});
        assertThat(buffer.snapshot()).containsExactly(11, 12, 13, 14, 15, 16);
        buffer.clear();
        assertThat(buffer.snapshot()).isEmpty();
    }

    @Test
    void sizedByDuration() {
        assertThat(RollingAudioBuffer.of(Duration.ofSeconds(3), 16_000).capacityBytes())
                .isEqualTo(96_000);
        assertThat(new RollingAudioBuffer(7).capacityBytes()).isEqualTo(6);
    }
}
