package io.github.awsbidi.emulator.wire;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * One typed event-stream header. The value's Java type follows {@link HeaderType}: {@code Boolean}
 * for the two boolean types, {@code Byte}, {@code Short}, {@code Integer}, {@code Long},
 * {@code byte[]}, {@code String}, {@code Instant} (millisecond precision), {@code UUID}.
 * A {@code byte[]} value is shared, not copied: treat it as read-only.
 *
 * @param name header name, 1 to 255 bytes of UTF-8
 * @param type wire type of the value
 * @param value the value, of the Java type that matches {@code type}
 */
public record Header(String name, HeaderType type, Object value) {

    /** Longest header name, in UTF-8 bytes (its length is one unsigned byte on the wire). */
    public static final int MAX_NAME_BYTES = 255;

    /** Longest string or byte-array value, in bytes (its length is a signed 16-bit int on the wire). */
    public static final int MAX_VALUE_BYTES = Short.MAX_VALUE;

    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        int nameBytes = Utf8.length(name);
        if (nameBytes == 0) {
            throw new IllegalArgumentException("header name must not be empty");
        }
        if (nameBytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException(
                    "header name length " + nameBytes + " bytes exceeds limit " + MAX_NAME_BYTES + ": " + name);
        }
        value = checkedValue(name, type, value);
    }

    public static Header bool(String name, boolean value) {
        return new Header(name, value ? HeaderType.BOOL_TRUE : HeaderType.BOOL_FALSE, value);
    }

    public static Header int8(String name, byte value) {
        return new Header(name, HeaderType.BYTE, value);
    }

    public static Header int16(String name, short value) {
        return new Header(name, HeaderType.SHORT, value);
    }

    public static Header int32(String name, int value) {
        return new Header(name, HeaderType.INTEGER, value);
    }

    public static Header int64(String name, long value) {
        return new Header(name, HeaderType.LONG, value);
    }

    public static Header bytes(String name, byte[] value) {
        return new Header(name, HeaderType.BYTE_ARRAY, value);
    }

    public static Header string(String name, String value) {
        return new Header(name, HeaderType.STRING, value);
    }

    /** A timestamp header; the wire keeps epoch milliseconds, so finer precision is dropped. */
    public static Header timestamp(String name, Instant value) {
        return new Header(name, HeaderType.TIMESTAMP, value);
    }

    public static Header uuid(String name, UUID value) {
        return new Header(name, HeaderType.UUID, value);
    }

    /** @throws IllegalStateException unless this is a {@link HeaderType#STRING} header */
    public String stringValue() {
        return (String) valueOf(HeaderType.STRING);
    }

    /** @throws IllegalStateException unless this is a {@link HeaderType#BYTE_ARRAY} header */
    public byte[] bytesValue() {
        return (byte[]) valueOf(HeaderType.BYTE_ARRAY);
    }

    /** @throws IllegalStateException unless this is a {@link HeaderType#TIMESTAMP} header */
    public Instant timestampValue() {
        return (Instant) valueOf(HeaderType.TIMESTAMP);
    }

    private Object valueOf(HeaderType expected) {
        if (this.type != expected) {
            throw new IllegalStateException("header '" + this.name + "' has type " + this.type + ", not " + expected);
        }
        return this.value;
    }

    private static Object checkedValue(String name, HeaderType type, Object value) {
        Class<?> expected = switch (type) {
            case BOOL_TRUE, BOOL_FALSE -> Boolean.class;
            case BYTE -> Byte.class;
            case SHORT -> Short.class;
            case INTEGER -> Integer.class;
            case LONG -> Long.class;
            case BYTE_ARRAY -> byte[].class;
            case STRING -> String.class;
            case TIMESTAMP -> Instant.class;
            case UUID -> UUID.class;
        };
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException(
                    "header '" + name + "' of type " + type + " needs a " + expected.getSimpleName() + " value, not "
                            + value.getClass().getSimpleName());
        }
        if (type == HeaderType.BOOL_TRUE && !(Boolean) value || type == HeaderType.BOOL_FALSE && (Boolean) value) {
            throw new IllegalArgumentException("header '" + name + "' of type " + type + " cannot hold " + value);
        }
        int length = switch (type) {
            case BYTE_ARRAY -> ((byte[]) value).length;
            case STRING -> Utf8.length((String) value);
            default -> 0;
        };
        if (length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException(
                    "header '" + name + "' value length " + length + " bytes exceeds limit " + MAX_VALUE_BYTES);
        }
        if (type == HeaderType.TIMESTAMP) {
            // Keep only what the wire can carry, so a value equals itself after a round trip.
            return Instant.ofEpochMilli(((Instant) value).toEpochMilli());
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Header that)) {
            return false;
        }
        if (!this.name.equals(that.name) || this.type != that.type) {
            return false;
        }
        if (this.value instanceof byte[] bytes) {
            return Arrays.equals(bytes, (byte[]) that.value);
        }
        return this.value.equals(that.value);
    }

    @Override
    public int hashCode() {
        int valueHash = (this.value instanceof byte[] bytes) ? Arrays.hashCode(bytes) : this.value.hashCode();
        return Objects.hash(this.name, this.type, valueHash);
    }

    @Override
    public String toString() {
        String shown = (this.value instanceof byte[] bytes) ? "byte[" + bytes.length + "]" : String.valueOf(this.value);
        return this.name + ":" + this.type + "=" + shown;
    }
}
