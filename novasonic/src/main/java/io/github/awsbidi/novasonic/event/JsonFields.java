package io.github.awsbidi.novasonic.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the members of a JSON object and remembers which ones it understood, so that every other
 * member can be handed back as "extra" (by dotted path) instead of being dropped. A member of an
 * unexpected type, or an enum value this library does not know, counts as not understood.
 */
final class JsonFields {

    private final JsonNode object;
    private final String path;
    private final Set<String> understood = new HashSet<>();
    private final List<JsonFields> children = new ArrayList<>();

    private JsonFields(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    static JsonFields of(JsonNode object) {
        return new JsonFields(object, "");
    }

    @Nullable
    String string(String name) {
        JsonNode value = object.get(name);
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            understood.add(name);
            return null;
        }
        if (value.isString()) {
            understood.add(name);
            return value.stringValue();
        }
        return null;
    }

    String string(String name, String fallback) {
        String value = string(name);
        return value == null ? fallback : value;
    }

    long number(String name, long fallback) {
        JsonNode value = object.get(name);
        if (value != null && value.isIntegralNumber() && value.canConvertToLong()) {
            understood.add(name);
            return value.longValue();
        }
        return fallback;
    }

    /** The enum constant named by the member, {@code unknown} for a name not in the enum, {@code null} when absent. */
    <E extends Enum<E>> @Nullable E enumValue(String name, Class<E> type, E unknown) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            if (value != null) {
                understood.add(name);
            }
            return null;
        }
        if (!value.isString()) {
            return unknown;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant != unknown && constant.name().equals(value.stringValue())) {
                understood.add(name);
                return constant;
            }
        }
        return unknown;
    }

    /** The member as a nested reader when it is an object, else {@code null} (and the member stays extra). */
    @Nullable
    JsonFields object(String name) {
        JsonNode value = object.get(name);
        if (value == null || !value.isObject()) {
            return null;
        }
        understood.add(name);
        JsonFields child = new JsonFields(value, path + name + ".");
        children.add(child);
        return child;
    }

    /** The member's raw tree, marked understood; the caller takes responsibility for it. */
    @Nullable
    JsonNode raw(String name) {
        JsonNode value = object.get(name);
        if (value != null) {
            understood.add(name);
        }
        return value;
    }

    /** Every member not understood, here and in nested readers, by dotted path, as plain Java values. */
    Map<String, @Nullable Object> extra() {
        Map<String, @Nullable Object> extra = new LinkedHashMap<>();
        collect(extra);
        return extra;
    }

    private void collect(Map<String, @Nullable Object> extra) {
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (!understood.contains(member.getKey())) {
                extra.put(path + member.getKey(), Json.toJava(member.getValue()));
            }
        }
        for (JsonFields child : children) {
            child.collect(extra);
        }
    }
}
