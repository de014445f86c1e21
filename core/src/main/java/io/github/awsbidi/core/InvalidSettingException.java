package io.github.awsbidi.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A setting outside what this library or the service accepts, found when a settings object is built (before any
 * stream is opened). It names the field as the settings type spells it (e.g. {@code maxConcurrency},
 * {@code renewal.forceAfter}, {@code tools[1].name}), the rejected value and the limit, so that a caller mapping its
 * own configuration onto settings (Spring Boot properties, a CLI) can name its own key without reading the message.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    private final transient @Nullable Object rejectedValue;

    private final String limit;

    /**
     * @param field the field at fault, dotted for nested settings, e.g. {@code recovery.maxBackoff}
     * @param rejectedValue the value given, or {@code null} when none was
     * @param limit what the field accepts, phrased to follow the field name, e.g. {@code must be at least 1}
     */
    public InvalidSettingException(String field, @Nullable Object rejectedValue, String limit) {
        super(Objects.requireNonNull(field, "field") + " " + Objects.requireNonNull(limit, "limit") + ", was "
                + rejectedValue);
        this.field = field;
        this.rejectedValue = rejectedValue;
        this.limit = limit;
    }

    /** The field at fault, e.g. {@code maxConcurrency} or {@code renewal.forceAfter}. */
    public String field() {
        return field;
    }

    /** The value that was rejected, or {@code null} when none was given. */
    public @Nullable Object rejectedValue() {
        return rejectedValue;
    }

    /** What the field accepts, e.g. {@code must be between 0 and 1}. */
    public String limit() {
        return limit;
    }

    /** Throws for {@code field} unless {@code condition} holds. */
    public static void require(boolean condition, String field, @Nullable Object value, String limit) {
        if (!condition) {
            throw new InvalidSettingException(field, value, limit);
        }
    }
}
