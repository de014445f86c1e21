package io.github.awsbidi.emulator.wire;

/** The ten event-stream header value types, with the type id each one has on the wire. */
public enum HeaderType {
    BOOL_TRUE(0, 0),
    BOOL_FALSE(1, 0),
    BYTE(2, 1),
    SHORT(3, 2),
    INTEGER(4, 4),
    LONG(5, 8),
    /** Two-byte big-endian length, then the bytes. */
    BYTE_ARRAY(6, -1),
    /** Two-byte big-endian length, then UTF-8 bytes. */
    STRING(7, -1),
    /** Signed 64-bit milliseconds since the epoch. */
    TIMESTAMP(8, 8),
    /** Sixteen bytes: most significant long, then least significant long. */
    UUID(9, 16);

    private static final HeaderType[] BY_ID = values();

    private final int wireId;

    private final int fixedValueLength;

    HeaderType(int wireId, int fixedValueLength) {
        this.wireId = wireId;
        this.fixedValueLength = fixedValueLength;
    }

    /** The type id byte written before the value. */
    public int wireId() {
        return this.wireId;
    }

    /** Value length in bytes for fixed-size types, {@code -1} for the length-prefixed ones. */
    int fixedValueLength() {
        return this.fixedValueLength;
    }

    /**
     * The type with the given wire id.
     * @throws EventStreamFormatException if no type has that id
     */
    public static HeaderType fromWireId(int wireId) {
        if (wireId < 0 || wireId >= BY_ID.length) {
            throw new EventStreamFormatException("unknown header type " + wireId);
        }
        return BY_ID[wireId];
    }
}
