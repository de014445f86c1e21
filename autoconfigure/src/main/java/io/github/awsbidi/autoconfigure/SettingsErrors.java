package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.core.InvalidSettingException;
import java.lang.reflect.Field;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.ReflectionUtils;

/**
 * Turns core's {@link InvalidSettingException} into an {@link AwsBidiConfigurationException} naming the property
 * the field came from. A core field maps to the field of the same name in the properties class, written as Boot
 * writes it: its {@link Name @Name} when it has one, else its dashed form (so {@code renewal.forceAfter} under
 * {@code ...nova-sonic} is {@code ...nova-sonic.renewal.force-after}). The exception's message is shown, never
 * parsed.
 */
final class SettingsErrors {

    private SettingsErrors() {}

    /** The settings {@code build} makes from the properties bound at {@code prefix} into {@code propertiesType}. */
    static <T> T mapped(String prefix, Class<?> propertiesType, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidSettingException ex) {
            throw invalid(prefix, propertiesType, ex);
        }
    }

    static AwsBidiConfigurationException invalid(String prefix, Class<?> propertiesType, InvalidSettingException ex) {
        String property = prefix + "." + propertyName(propertiesType, ex.field());
        return new AwsBidiConfigurationException(
                property,
                "Invalid " + property + ": " + ex.getMessage() + ".",
                "Set " + property + " to a value within the limit (" + ex.limit()
                        + "), or remove it to use the default.",
                ex);
    }

    /** The dashed property path of a (dotted) core field within {@code type}. */
    static String propertyName(Class<?> type, String field) {
        StringBuilder name = new StringBuilder();
        @Nullable Class<?> current = type;
        for (String segment : field.split("\\.")) {
            Field javaField = current != null ? ReflectionUtils.findField(current, segment) : null;
            Name renamed = javaField != null ? javaField.getAnnotation(Name.class) : null;
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(renamed != null ? renamed.value() : DataObjectPropertyName.toDashedForm(segment));
            current = javaField != null ? javaField.getType() : null;
        }
        return name.toString();
    }
}
