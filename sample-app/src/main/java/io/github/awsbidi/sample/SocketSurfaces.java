package io.github.awsbidi.sample;

import io.github.awsbidi.realtime.webflux.Admission;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The sample's sockets by surface, each with its façade {@link Admission}: {@code transcriber}, {@code speaker}, {@code console} ({@code /ws/*}) and {@code phone} ({@code /twilio/media}).
 * Every refusal at the door and every ending by a limit is counted in {@code aws.bidi.admission.refused}, tagged
 * {@code surface} and {@code reason}, as the façade counts its own.
 */
final class SocketSurfaces {

    /** The refusal counter the OpenAI Realtime façade reports to, shared by the sample's sockets. */
    static final String REFUSED = "aws.bidi.admission.refused";

    private final Map<String, Admission> byPath;

    SocketSurfaces(WebProperties properties, @Nullable MeterRegistry registry) {
        this.byPath = Map.of(
                "/transcriber/ws", admission("transcriber", properties, registry),
                "/speaker/ws", admission("speaker", properties, registry),
                "/ws/", admission("console", properties, registry),
                "/twilio/media", admission("phone", properties, registry));
    }

    private static Admission admission(String surface, WebProperties properties, @Nullable MeterRegistry registry) {
        // The same-origin default is decided by BrowserSocketGuard; the Admission judges sample.web.allowed-origins.
        int max = properties.maxConversationsPerClient();
        return new Admission(surface, max, properties.allowedOrigins(), (name, reason) -> {
            if (registry != null) {
                Counter.builder(REFUSED)
                        .description("sockets refused at the door or ended by a limit")
                        .tag("surface", name)
                        .tag("reason", reason)
                        .register(registry)
                        .increment();
            }
        });
    }

    /** The admission of the socket at {@code path}; null for a path that is none of the sample's sockets. */
    @Nullable
    Admission forPath(String path) {
        if (path.startsWith("/ws/")) {
            return byPath.get("/ws/");
        }
        return byPath.get(path);
    }
}
