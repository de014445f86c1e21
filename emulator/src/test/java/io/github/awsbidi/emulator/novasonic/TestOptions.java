package io.github.awsbidi.emulator.novasonic;

import java.time.Duration;

/** Options for tests that are not about the stream limits: a slow CI machine never reaches them. */
final class TestOptions {

    private TestOptions() {}

    static NovaSonicOptions scaled(double timeScale) {
        return NovaSonicOptions.builder()
                .timeScale(timeScale)
                .sessionLimit(Duration.ofHours(10))
                .silenceTimeout(Duration.ofHours(10))
                .audioIdleTimeout(Duration.ofHours(10))
                .build();
    }
}
