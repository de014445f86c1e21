package io.github.awsbidi.realtime.webflux;

import io.github.awsbidi.novasonic.NovaSonic;
import org.jspecify.annotations.Nullable;

/** The Nova Sonic clients a {@code ?model=} name selects. */
@FunctionalInterface
public interface RealtimeModels {

    /** The client for {@code model}, or null when there is none (HTTP 404 {@code model_not_found}). */
    @Nullable
    NovaSonic find(String model);
}
