package io.github.awsbidi.emulator.config;

/** A Bedrock foundation model's {@code modelLifecycle.status}. */
public enum ModelLifecycle {
    ACTIVE,
    LEGACY;

    /** Parses a lifecycle status, case-insensitively. */
    public static ModelLifecycle parse(String value) {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
