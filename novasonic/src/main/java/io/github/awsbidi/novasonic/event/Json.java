package io.github.awsbidi.novasonic.event;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The package's one JSON mapper (thread-safe) and small tree helpers. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /** A tree as plain Java values: maps, lists, strings, numbers, booleans, {@code null}. */
    static @Nullable Object toJava(JsonNode node) {
        return MAPPER.treeToValue(node, Object.class);
    }
}
