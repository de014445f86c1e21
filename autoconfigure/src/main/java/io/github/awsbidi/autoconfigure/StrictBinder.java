package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.autoconfigure.emulator.AwsBidiEmulatorProperties;
import io.github.awsbidi.autoconfigure.realtime.RealtimeProperties;
import io.github.awsbidi.autoconfigure.record.AwsBidiRecordProperties;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.ResolvableType;

/**
 * Binds everything under {@code aws.bidi} strictly: a key that no property, group or map of
 * {@link AwsBidiProperties} (or of a group bound on its own: {@link AwsBidiEmulatorProperties} under
 * {@code aws.bidi.emulator}, {@link AwsBidiRecordProperties} under {@code aws.bidi.record}) knows fails with
 * an {@link AwsBidiConfigurationException} naming the key, where it was set, the nearest valid key and the valid keys
 * of the group it is in. Typos of group and map names ({@code aws.bidi.sagemaker.session.x}) are caught too.
 */
final class StrictBinder {

    static final String ROOT = "aws.bidi";

    static final String EMULATOR = "emulator";

    /**
     * Groups under {@code aws.bidi} whose properties live in classes of their own (their auto-configurations bind
     * them), by key.
     */
    static final Map<String, Class<?>> SEPARATE_GROUPS = Map.of(
            EMULATOR,
            AwsBidiEmulatorProperties.class,
            "record",
            AwsBidiRecordProperties.class,
            "realtime",
            RealtimeProperties.class);

    private StrictBinder() {}

    /** {@code aws.bidi.*} bound strictly. */
    static AwsBidiProperties bind(Binder binder) {
        AwsBidiProperties properties = new AwsBidiProperties();
        List<ConfigurationPropertyName> separate = SEPARATE_GROUPS.keySet().stream()
                .map(key -> ConfigurationPropertyName.of(ROOT + "." + key))
                .toList();
        List<ConfigurationProperty> unknown = new ArrayList<>();
        // The keys of the separate groups are unknown to AwsBidiProperties: each group is checked by its own binding
        // below, which runs even when its feature is off, so that a typo there fails too.
        bind(
                binder,
                ROOT,
                Bindable.ofInstance(properties),
                unknown,
                property -> separate.stream().noneMatch(group -> group.isAncestorOf(property.getName())));
        SEPARATE_GROUPS.forEach((key, type) -> bind(
                binder,
                ROOT + "." + key,
                Bindable.ofInstance(BeanUtils.instantiateClass(type)),
                unknown,
                property -> true));
        if (!unknown.isEmpty()) {
            unknown.sort(Comparator.comparing(property -> property.getName().toString()));
            throw unknownProperty(unknown);
        }
        return properties;
    }

    private static <T> void bind(
            Binder binder,
            String prefix,
            Bindable<T> target,
            List<ConfigurationProperty> unknown,
            Predicate<ConfigurationProperty> reported) {
        try {
            binder.bind(prefix, target, new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
        } catch (BindException ex) {
            if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
                unbound.getUnboundProperties().stream().filter(reported).forEach(unknown::add);
                return;
            }
            throw bindFailure(ex);
        }
    }

    private static AwsBidiConfigurationException bindFailure(BindException ex) {
        ConfigurationProperty property = ex.getProperty();
        String name =
                property != null ? property.getName().toString() : ex.getName().toString();
        Throwable reason = ex.getCause() != null ? ex.getCause() : ex;
        return new AwsBidiConfigurationException(
                name,
                "Cannot bind " + name
                        + (property != null ? " (value '" + property.getValue() + "'" + originOf(property) + ")" : "")
                        + ": " + reason.getMessage(),
                "Fix " + name + " (see the aws.bidi properties in docs/spring-boot.md).",
                ex);
    }

    private static AwsBidiConfigurationException unknownProperty(List<ConfigurationProperty> unknown) {
        ConfigurationProperty first = unknown.get(0);
        String property = first.getName().toString();
        int others = unknown.size() - 1;
        return new AwsBidiConfigurationException(
                property,
                "Unknown property " + property + originOf(first)
                        + (others > 0 ? " (and " + others + " more unknown properties under " + ROOT + ")" : "") + ".",
                unknownKeyAction(first.getName()),
                null);
    }

    private static String originOf(ConfigurationProperty property) {
        return property.getOrigin() != null ? " from " + property.getOrigin() : "";
    }

    /** Walks the property classes along the key to the group it leaves them in, and suggests from that group. */
    static String unknownKeyAction(ConfigurationPropertyName name) {
        int index = ConfigurationPropertyName.of(ROOT).getNumberOfElements();
        String parent = ROOT;
        Class<?> group = AwsBidiProperties.class;
        while (index < name.getNumberOfElements() - 1) {
            String element = name.getElement(index, ConfigurationPropertyName.Form.DASHED);
            Class<?> nested = group == AwsBidiProperties.class ? SEPARATE_GROUPS.get(element) : null;
            Class<?> mapValues = null;
            PropertyDescriptor descriptor = nested == null ? descriptor(group, element) : null;
            if (descriptor != null) {
                Method read = descriptor.getReadMethod();
                ResolvableType type = ResolvableType.forMethodReturnType(read);
                if (Map.class.isAssignableFrom(descriptor.getPropertyType())) {
                    mapValues = type.asMap().resolveGeneric(1);
                } else if (isGroup(descriptor.getPropertyType())) {
                    nested = descriptor.getPropertyType();
                }
            }
            if (nested != null) {
                parent = parent + "." + element;
                group = nested;
                index++;
            } else if (mapValues != null && isGroup(mapValues) && index + 1 < name.getNumberOfElements() - 1) {
                parent = parent + "." + element + "."
                        + name.getElement(index + 1, ConfigurationPropertyName.Form.ORIGINAL);
                group = mapValues;
                index += 2;
            } else {
                break;
            }
        }
        List<String> valid = keysOf(group);
        String key = name.getElement(index, ConfigurationPropertyName.Form.DASHED);
        String suggestion = closest(key, valid);
        return (suggestion != null ? "Did you mean " + parent + "." + suggestion + "? " : "") + "Valid keys of "
                + parent + " are " + String.join(", ", valid) + ".";
    }

    private static boolean isGroup(Class<?> type) {
        return type.getName().startsWith(AwsBidiProperties.class.getName() + "$");
    }

    private static @Nullable PropertyDescriptor descriptor(Class<?> type, String dashedName) {
        return Arrays.stream(BeanUtils.getPropertyDescriptors(type))
                .filter(descriptor -> descriptor.getReadMethod() != null
                        && descriptor.getReadMethod().getDeclaringClass() != Object.class)
                .filter(descriptor ->
                        SettingsErrors.propertyName(type, descriptor.getName()).equals(dashedName))
                .findFirst()
                .orElse(null);
    }

    /** The keys of a property class as a user writes them. */
    static List<String> keysOf(Class<?> type) {
        List<String> keys = new ArrayList<>(Arrays.stream(BeanUtils.getPropertyDescriptors(type))
                .filter(descriptor -> descriptor.getReadMethod() != null
                        && descriptor.getReadMethod().getDeclaringClass() != Object.class)
                .map(descriptor -> SettingsErrors.propertyName(type, descriptor.getName()))
                .toList());
        if (type == AwsBidiProperties.class) {
            keys.addAll(SEPARATE_GROUPS.keySet());
        }
        return keys.stream().sorted().toList();
    }

    /** The valid key nearest to {@code key} by edit distance, if it is near enough to be a likely typo. */
    static @Nullable String closest(String key, List<String> keys) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : keys) {
            int distance = editDistance(key, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(3, best.length() / 3) ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
