package io.github.awsbidi.novasonic.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Immutable copies of maps that may hold JSON {@code null} values (which {@code Map.copyOf} refuses). */
final class Extra {

    private Extra() {}

    static Map<String, @Nullable Object> copy(Map<String, @Nullable Object> source) {
        Objects.requireNonNull(source, "map");
        if (source.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}
