package io.github.awsbidi.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendTimesTests {

    @Test
    void answersTheOldestFrameFirstAndGrowsPastItsFirstCapacity() {
        SendTimes times = new SendTimes();
        for (long i = 1; i <= 100; i++) {
            times.add(i);
        }
        assertThat(times.poll()).isEqualTo(1);
        for (long i = 101; i <= 200; i++) {
            times.add(i);
        }

        assertThat(times.size()).isEqualTo(199);
        for (long i = 2; i <= 200; i++) {
            assertThat(times.poll()).isEqualTo(i);
        }
        assertThat(times.poll()).isEqualTo(SendTimes.NONE);
    }
}
