package io.github.awsbidi.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MachineCpuTests {

    @Test
    void idleAndIowaitCountAsIdleOfEveryTick() {
        // user nice system idle iowait irq softirq steal
        long[] before = MachineCpu.parse("cpu  100 0 50 800 50 0 0 0");
        long[] after = MachineCpu.parse("cpu  280 0 110 840 50 10 10 0");

        assertThat(before).containsExactly(850, 1000);
        assertThat(MachineCpu.idleShare(before, after)).isCloseTo(40.0 / 300, within(1e-9));
    }

    @Test
    void aMissingOrStillReadingIsNotKnown() {
        long[] reading = MachineCpu.parse("cpu  1 2 3 4");

        assertThat(MachineCpu.idleShare(null, reading)).isNull();
        assertThat(MachineCpu.idleShare(reading, reading)).isNull();
    }
}
