package io.github.awsbidi.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.NettyRuntime;
import org.junit.jupiter.api.Test;

class EventLoopThreadsTests {

    @Test
    void servesOnOneEventLoopPerProcessorByDefault() {
        try (BidiEmulator emulator = BidiEmulator.start()) {
            assertThat(emulator.eventLoopThreads()).isEqualTo(NettyRuntime.availableProcessors());
        }
    }

    @Test
    void servesOnTheConfiguredNumberOfEventLoops() {
        try (BidiEmulator emulator =
                BidiEmulator.start(EmulatorConfig.builder().eventLoopThreads(3).build())) {
            assertThat(emulator.eventLoopThreads()).isEqualTo(3);
        }
    }
}
