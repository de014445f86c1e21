package io.github.awsbidi.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The configuration metadata on the test class path, every {@code META-INF/spring-configuration-metadata.json} and
 * {@code META-INF/additional-spring-configuration-metadata.json} merged by property name (an entry's fields added to,
 * and overriding, the fields already read for that name): what IDEs complete, and so what the pages may name.
 */
final class ConfigurationMetadata {

    private static final List<String> RESOURCES = List.of(
            "META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json");

    private final Map<String, ObjectNode> properties;

    private ConfigurationMetadata(Map<String, ObjectNode> properties) {
        this.properties = properties;
    }

    static ConfigurationMetadata load() {
        JsonMapper mapper = JsonMapper.builder().build();
        Map<String, ObjectNode> properties = new LinkedHashMap<>();
        ClassLoader loader = ConfigurationMetadata.class.getClassLoader();
        try {
            for (String resource : RESOURCES) {
                for (URL url : Collections.list(loader.getResources(resource))) {
                    try (InputStream in = url.openStream()) {
                        for (JsonNode property : mapper.readTree(in).path("properties")) {
                            String name = property.path("name").asString();
                            ObjectNode merged = properties.computeIfAbsent(name, key -> mapper.createObjectNode());
                            merged.setAll((ObjectNode) property);
                        }
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new ConfigurationMetadata(properties);
    }

    /** Every property's name, {@code *} standing for a map key (as the additional metadata writes them). */
    Map<String, ObjectNode> properties() {
        return properties;
    }

    @Nullable
    String type(String name) {
        ObjectNode property = properties.get(name);
        return property != null && property.hasNonNull("type")
                ? property.get("type").asString()
                : null;
    }

    /** The stated default, an array's elements joined by ", ", or null. */
    @Nullable
    String defaultValue(String name) {
        ObjectNode property = properties.get(name);
        JsonNode value = property != null ? property.get("defaultValue") : null;
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            return String.join(", ", value.valueStream().map(JsonNode::asString).toList());
        }
        return value.asString();
    }

    static boolean isMap(@Nullable String type) {
        return type != null && type.startsWith("java.util.Map");
    }

    /**
     * Whether a key, in canonical form ({@code a.b-c.d}, list indices removed), is one the metadata knows: a property
     * of that name ({@code *} matching any one element), or a key below a property of map type (whose own keys are
     * the user's, as {@code management.endpoint.health.group.<name>.include}).
     */
    boolean knows(String key) {
        String[] elements = key.split("\\.");
        for (Map.Entry<String, ObjectNode> property : properties.entrySet()) {
            String[] pattern = property.getKey().split("\\.");
            boolean map = isMap(type(property.getKey()));
            if (pattern.length > elements.length || (pattern.length < elements.length && !map)) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < pattern.length && matches; i++) {
                matches = pattern[i].equals("*") || pattern[i].equals(elements[i]);
            }
            if (matches) {
                return true;
            }
        }
        return false;
    }
}
