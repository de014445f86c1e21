package io.github.awsbidi.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.realtime.webflux.Admission;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every socket of the sample has its surface, and each refusal or ending is counted under it. */
class SocketSurfacesTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final SocketSurfaces surfaces = new SocketSurfaces(WebProperties.of(null, 1), meters);

    @Test
    void eachSocketPathHasItsSurface() {
        Map<String, String> surfaceByPath = Map.of(
                "/transcriber/ws", "transcriber",
                "/speaker/ws", "speaker",
                "/ws/echo", "console",
                "/twilio/media", "phone");
        surfaceByPath.forEach((path, surface) -> {
            Admission admission = surfaces.forPath(path);
            assertThat(admission).as(path).isNotNull();
            admission.refused("idle_timeout");
            assertThat(meters.get(SocketSurfaces.REFUSED)
                            .tags("surface", surface, "reason", "idle_timeout")
                            .counter()
                            .count())
                    .as(path)
                    .isEqualTo(1);
        });
        assertThat(surfaces.forPath("/v1/realtime")).isNull();
        assertThat(surfaces.forPath("/sessions")).isNull();
    }

    @Test
    void theLimitHoldsPerClientAndSurface() {
        Admission console = surfaces.forPath("/ws/echo");
        Runnable first = console.admit("user alice");
        assertThat(first).isNotNull();
        assertThat(console.admit("user alice")).isNull();
        // Another client, or the same one on another surface, has its own place.
        assertThat(console.admit("user bob")).isNotNull();
        assertThat(surfaces.forPath("/speaker/ws").admit("user alice")).isNotNull();
        first.run();
        assertThat(console.admit("user alice")).isNotNull();
        assertThat(meters.get(SocketSurfaces.REFUSED)
                        .tags("surface", "console", "reason", "session_limit")
                        .counter()
                        .count())
                .isEqualTo(1);
    }
}
