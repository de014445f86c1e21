package io.github.awsbidi.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MeasuredWindowTests {

    private static final long S = 1_000_000_000L;

    @Test
    void startsASecondAfterTheLastSessionOpened() {
        // 500 sessions over a 60 s ramp, all open at 61 s, long after the cold start.
        MeasuredWindow window = MeasuredWindow.of(0, 61 * S, Duration.ofSeconds(10), Duration.ofSeconds(60));

        assertThat(window.start()).isEqualTo(62 * S);
        assertThat(window.end()).isEqualTo(122 * S);
        assertThat(window.nanos()).isEqualTo(60 * S);
        // The sessions finish after the window, so no end falls inside it.
        assertThat(window.finishAt()).isEqualTo(122 * S + 500_000_000L);
    }

    @Test
    void waitsForTheColdStartToBeOver() {
        long runStart = 5 * S;
        assertThat(MeasuredWindow.of(runStart, 6 * S, Duration.ofSeconds(10), Duration.ofSeconds(6))
                        .start())
                .isEqualTo(15 * S);
        assertThat(MeasuredWindow.of(runStart, 6 * S, Duration.ZERO, Duration.ofSeconds(6))
                        .start())
                .isEqualTo(7 * S);
    }

    @Test
    void holdsFramesSentFromItsStartUpToButNotIncludingItsEnd() {
        MeasuredWindow window = new MeasuredWindow(10 * S, 16 * S);

        assertThat(window.holds(10 * S - 1)).isFalse();
        assertThat(window.holds(10 * S)).isTrue();
        assertThat(window.holds(16 * S - 1)).isTrue();
        assertThat(window.holds(16 * S)).isFalse();
    }

    @Test
    void holdsAcrossTheWrapOfNanoTime() {
        // System.nanoTime() may be negative or wrap: only differences count.
        MeasuredWindow window = new MeasuredWindow(Long.MAX_VALUE - S, Long.MAX_VALUE - S + 2 * S);

        assertThat(window.holds(Long.MAX_VALUE)).isTrue();
        assertThat(window.holds(Long.MIN_VALUE + S / 2)).isTrue();
        assertThat(window.holds(Long.MAX_VALUE - 2 * S)).isFalse();
    }

    @Test
    void mustEndAfterItStarts() {
        assertThatThrownBy(() -> new MeasuredWindow(5, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
