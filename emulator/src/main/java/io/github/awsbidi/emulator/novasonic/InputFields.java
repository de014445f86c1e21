package io.github.awsbidi.emulator.novasonic;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads fields of input events, rejecting missing or out-of-range values with the field's path. */
final class InputFields {

    private InputFields() {}

    static JsonNode object(JsonNode parent, String path, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isObject()) {
            throw new InputRejectedException(path + "." + field + " is required and must be a JSON object");
        }
        return value;
    }

    static @Nullable JsonNode optionalObject(JsonNode parent, String path, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new InputRejectedException(path + "." + field + " must be a JSON object");
        }
        return value;
    }

    static String string(JsonNode parent, String path, String field) {
        String value = optionalString(parent, path, field);
        if (value == null || value.isEmpty()) {
            throw new InputRejectedException(path + "." + field + " is required and must be a non-empty string");
        }
        return value;
    }

    static @Nullable String optionalString(JsonNode parent, String path, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InputRejectedException(path + "." + field + " must be a string, got " + value);
        }
        return value.stringValue();
    }

    static String oneOf(JsonNode parent, String path, String field, Set<String> allowed) {
        String value = string(parent, path, field);
        if (!allowed.contains(value)) {
            throw new InputRejectedException(
                    path + "." + field + " must be one of " + sorted(allowed) + ", got \"" + value + "\"");
        }
        return value;
    }

    static void optionalEquals(JsonNode parent, String path, String field, String expected) {
        String value = optionalString(parent, path, field);
        if (value != null && !value.equals(expected)) {
            throw new InputRejectedException(
                    path + "." + field + " must be \"" + expected + "\", got \"" + value + "\"");
        }
    }

    static int intIn(JsonNode parent, String path, String field, Set<Integer> allowed) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isIntegralNumber() || !allowed.contains(value.asInt())) {
            throw new InputRejectedException(path + "." + field + " must be one of "
                    + allowed.stream().sorted().toList() + ", got " + value);
        }
        return value.asInt();
    }

    static void optionalIntBetween(JsonNode parent, String path, String field, int min, int max) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw new InputRejectedException(
                    path + "." + field + " must be an integer between " + min + " and " + max + ", got " + value);
        }
    }

    static void optionalNumberBetween(JsonNode parent, String path, String field, double min, double max) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw new InputRejectedException(
                    path + "." + field + " must be a number between " + min + " and " + max + ", got " + value);
        }
    }

    static boolean optionalBoolean(JsonNode parent, String path, String field, boolean fallback) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new InputRejectedException(path + "." + field + " must be true or false, got " + value);
        }
        return value.asBoolean();
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().toList().toString();
    }
}
