package io.github.awsbidi.emulator.novasonic;

import java.time.Duration;

/** Options for tests that are not about the stream limits: a slow CI machine never reaches them. */
final class TestOptions {

    private TestOptions() {
    }

    static NovaSonicOptions scaled(double timeScale) {
        return NovaSonicOptions.defaults().withTimeScale(timeScale).withSessionLimit(Duration.ofHours(10))
                .withSilenceTimeout(Duration.ofHours(10)).withAudioIdleTimeout(Duration.ofHours(10));
    }
}
