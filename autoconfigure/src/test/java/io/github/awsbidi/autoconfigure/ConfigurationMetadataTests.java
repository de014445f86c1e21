package io.github.awsbidi.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.ResolvableType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IDE metadata the build generates ({@code META-INF/spring-configuration-metadata.json}, with the additional
 * metadata merged in): every key a user can write under {@code aws.bidi}, session and {@code nova-sonic} keys
 * included ({@code aws.bidi.bedrock.sessions.*.nova-sonic.voice-id}), has a description, and a default exactly when
 * the property has one, equal to it once bound.
 */
class ConfigurationMetadataTests {

    /** Session keys are written under this map key when their defaults are bound. */
    private static final String KEY = "x";

    private final Map<String, JsonNode> properties = load();

    @Test
    void everyKeyAUserCanWriteHasAnEntryWithADescription() {
        List<String> keys = new ArrayList<>();
        leaves("aws.bidi", AwsBidiProperties.class, keys);
        StrictBinder.SEPARATE_GROUPS.forEach((group, type) -> leaves("aws.bidi." + group, type, keys));
        assertThat(keys)
                .contains(
                        "aws.bidi.http.ping-period",
                        "aws.bidi.sagemaker.sessions.*.endpoint-name",
                        "aws.bidi.sagemaker.sessions.*.target-variant",
                        "aws.bidi.bedrock.sessions.*.model-id",
                        "aws.bidi.bedrock.sessions.*.nova-sonic.voice-id",
                        "aws.bidi.bedrock.sessions.*.nova-sonic.renewal.force-after",
                        "aws.bidi.shutdown.timeout",
                        "aws.bidi.emulator.cassettes",
                        "aws.bidi.record.dir",
                        "aws.bidi.record.sessions.*.dir",
                        "aws.bidi.exchange.open-timeout");
        assertThat(properties.keySet()).containsAll(keys);
        assertThat(properties.values())
                .allSatisfy(property -> assertThat(property.path("description").asString())
                        .as("description of %s", property.path("name").asString())
                        .isNotBlank());
    }

    @Test
    void everyDefaultIsStatedAndBindsToTheValueThePropertyHas() {
        Map<String, String> defaults = new LinkedHashMap<>();
        properties.forEach((name, property) -> {
            JsonNode value = property.get("defaultValue");
            if (value != null) {
                defaults.put(
                        name.replace("*", KEY),
                        value.isArray()
                                ? value.valueStream().map(JsonNode::asString).collect(Collectors.joining(","))
                                : value.asString());
            }
        });
        Binder binder = new Binder(new MapConfigurationPropertySource(defaults));
        AwsBidiProperties bound = withSessions(
                binder.bind("aws.bidi", Bindable.of(AwsBidiProperties.class)).get());
        AwsBidiProperties fresh = withSessions(new AwsBidiProperties());
        for (String name : properties.keySet()) {
            String group = name.substring("aws.bidi.".length()).split("\\.")[0];
            Class<?> separate = StrictBinder.SEPARATE_GROUPS.get(group);
            String prefix = separate != null ? "aws.bidi." + group + "." : "aws.bidi.";
            String path =
                    beanPath(separate != null ? separate : AwsBidiProperties.class, name.substring(prefix.length()));
            Object freshGroup = separate != null ? BeanUtils.instantiateClass(separate) : fresh;
            Object boundGroup =
                    separate != null ? bindGroup(binder, prefix.substring(0, prefix.length() - 1), separate) : bound;
            Object expected = wrapper(freshGroup).getPropertyValue(path);
            if (expected instanceof Map<?, ?> map && map.containsKey(KEY)) {
                continue; // a sessions map: its entries' keys are checked one by one
            }
            Object actual = wrapper(boundGroup).getPropertyValue(path);
            if (properties.get(name).get("defaultValue") == null) {
                if (expected instanceof java.util.Collection<?> collection) {
                    assertThat(collection)
                            .as("%s has a default, the metadata states none", name)
                            .isEmpty();
                } else if (expected instanceof Map<?, ?> map) {
                    assertThat(map)
                            .as("%s has a default, the metadata states none", name)
                            .isEmpty();
                } else {
                    assertThat(expected)
                            .as("%s has a default, the metadata states none", name)
                            .isNull();
                }
            } else {
                assertThat(actual).as("default of %s", name).isEqualTo(expected);
            }
        }
    }

    @Test
    void sessionAndNovaSonicDefaultsAreTheLibrarys() {
        assertThat(properties
                        .get("aws.bidi.bedrock.sessions.*.nova-sonic.voice-id")
                        .get("defaultValue")
                        .asString())
                .isEqualTo(
                        io.github.awsbidi.novasonic.NovaSonicSettings.defaults().voiceId());
        assertThat(properties
                        .get("aws.bidi.bedrock.sessions.*.nova-sonic.renewal.threshold")
                        .get("defaultValue")
                        .asString())
                .isEqualTo("6m");
        assertThat(properties
                        .get("aws.bidi.http.initial-window-size")
                        .get("defaultValue")
                        .asString())
                .isEqualTo("1MB");
        assertThat(NovaSonicSettingsBinder.settings("p", new AwsBidiProperties.NovaSonic()))
                .isEqualTo(io.github.awsbidi.novasonic.NovaSonicSettings.defaults());
    }

    private static AwsBidiProperties withSessions(AwsBidiProperties properties) {
        properties.getSagemaker().getSessions().putIfAbsent(KEY, new AwsBidiProperties.SageMakerSession());
        properties.getBedrock().getSessions().putIfAbsent(KEY, new AwsBidiProperties.BedrockSession());
        return properties;
    }

    /** The bean path of a dashed key, e.g. {@code http.ping-period} → {@code http.healthCheckPingPeriod}. */
    private static String beanPath(Class<?> type, String key) {
        StringBuilder path = new StringBuilder();
        Class<?> current = type;
        String[] elements = key.split("\\.");
        for (int i = 0; i < elements.length; i++) {
            PropertyDescriptor descriptor = descriptor(current, elements[i]);
            path.append(path.length() > 0 ? "." : "").append(descriptor.getName());
            if (Map.class.isAssignableFrom(descriptor.getPropertyType()) && i + 1 < elements.length) {
                path.append("[").append(KEY).append("]");
                current = ResolvableType.forMethodReturnType(descriptor.getReadMethod())
                        .asMap()
                        .resolveGeneric(1);
                i++;
            } else {
                current = descriptor.getPropertyType();
            }
        }
        return path.toString();
    }

    private static PropertyDescriptor descriptor(Class<?> type, String dashed) {
        return Arrays.stream(BeanUtils.getPropertyDescriptors(type))
                .filter(descriptor -> descriptor.getReadMethod() != null
                        && descriptor.getReadMethod().getDeclaringClass() != Object.class)
                .filter(descriptor ->
                        SettingsErrors.propertyName(type, descriptor.getName()).equals(dashed))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no property " + dashed + " in " + type));
    }

    /** A wrapper that creates the map entry a session key walks into ({@code sessions[x]}) when it is not there. */
    private static BeanWrapperImpl wrapper(Object group) {
        BeanWrapperImpl wrapper = new BeanWrapperImpl(group);
        wrapper.setAutoGrowNestedPaths(true);
        return wrapper;
    }

    private static <T> T bindGroup(Binder binder, String prefix, Class<T> type) {
        return binder.bind(prefix, Bindable.of(type)).orElseGet(() -> BeanUtils.instantiateClass(type));
    }

    /** Every key a user can write below {@code prefix} of {@code type}, map keys written {@code *}. */
    private static void leaves(String prefix, Class<?> type, List<String> keys) {
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
            if (descriptor.getReadMethod() == null || descriptor.getReadMethod().getDeclaringClass() == Object.class) {
                continue;
            }
            String name = prefix + "." + SettingsErrors.propertyName(type, descriptor.getName());
            Class<?> propertyType = descriptor.getPropertyType();
            if (Map.class.isAssignableFrom(propertyType)) {
                keys.add(name);
                leaves(
                        name + ".*",
                        Objects.requireNonNull(ResolvableType.forMethodReturnType(descriptor.getReadMethod())
                                .asMap()
                                .resolveGeneric(1)),
                        keys);
            } else if (!propertyType.isEnum()
                    && (propertyType.getName().startsWith(AwsBidiProperties.class.getName() + "$")
                            || propertyType.getName().startsWith(type.getName() + "$"))) {
                leaves(name, propertyType, keys);
            } else {
                keys.add(name);
            }
        }
    }

    private static Map<String, JsonNode> load() {
        try {
            for (URL url : Collections.list(ConfigurationMetadataTests.class
                    .getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    JsonNode root = JsonMapper.builder().build().readTree(in);
                    if (root.path("groups")
                            .valueStream()
                            .anyMatch(g -> g.path("name").asString().equals("aws.bidi"))) {
                        Map<String, JsonNode> byName = new LinkedHashMap<>();
                        root.path("properties")
                                .valueStream()
                                .forEach(p -> byName.put(p.path("name").asString(), p));
                        return byName;
                    }
                }
            }
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        throw new AssertionError("no generated metadata with the aws.bidi group on the class path");
    }
}
