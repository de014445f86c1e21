package io.github.awsbidi.emulator.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Encodes {@link EventStreamMessage}s: prelude (total length, headers length, prelude CRC32),
 * headers, payload, message CRC32, all big-endian.
 */
public final class EventStreamEncoder {

    /** Prelude (12 bytes) plus trailing message CRC (4 bytes): the size of an empty message. */
    static final int OVERHEAD = EventStreamDecoder.MIN_MESSAGE_BYTES;

    private EventStreamEncoder() {}

    /** The encoded message in a new buffer from {@code alloc}; the caller owns (and releases) it. */
    public static ByteBuf encode(EventStreamMessage message, ByteBufAllocator alloc) {
        byte[] bytes = encodeToBytes(message);
        ByteBuf buf = alloc.buffer(bytes.length, bytes.length);
        return buf.writeBytes(bytes);
    }

    /** The encoded message. */
    public static byte[] encodeToBytes(EventStreamMessage message) {
        int headersLength = headersLength(message.headers());
        long total = (long) OVERHEAD + headersLength + message.payload().length;
        if (total > Integer.MAX_VALUE) {
            throw new EventStreamFormatException("message length " + total + " exceeds limit " + Integer.MAX_VALUE);
        }
        byte[] out = new byte[(int) total];
        ByteBuffer buf = ByteBuffer.wrap(out);
        buf.putInt((int) total).putInt(headersLength);
        buf.putInt((int) crc32(out, 0, 8));
        writeHeaders(message.headers(), buf);
        buf.put(message.payload());
        buf.putInt((int) crc32(out, 0, out.length - 4));
        return out;
    }

    /** Exactly the header block of a message with these headers (what a chunk signature hashes). */
    public static byte[] encodeHeaders(List<Header> headers) {
        byte[] out = new byte[headersLength(headers)];
        writeHeaders(headers, ByteBuffer.wrap(out));
        return out;
    }

    static long crc32(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    private static int headersLength(List<Header> headers) {
        long length = 0;
        for (Header header : headers) {
            length += 2 + utf8Length(header.name()) + valueLength(header);
        }
        if (length > Integer.MAX_VALUE - OVERHEAD) {
            throw new EventStreamFormatException(
                    "headers length " + length + " exceeds limit " + (Integer.MAX_VALUE - OVERHEAD));
        }
        return (int) length;
    }

    private static int valueLength(Header header) {
        return switch (header.type()) {
            case BYTE_ARRAY -> 2 + header.bytesValue().length;
            case STRING -> 2 + utf8Length(header.stringValue());
            default -> header.type().fixedValueLength();
        };
    }

    private static int utf8Length(String text) {
        return Utf8.length(text);
    }

    private static void writeHeaders(List<Header> headers, ByteBuffer buf) {
        for (Header header : headers) {
            byte[] name = header.name().getBytes(StandardCharsets.UTF_8);
            buf.put((byte) name.length).put(name).put((byte) header.type().wireId());
            Object value = header.value();
            switch (header.type()) {
                case BOOL_TRUE, BOOL_FALSE -> {
                    // The type id is the value.
                }
                case BYTE -> buf.put((Byte) value);
                case SHORT -> buf.putShort((Short) value);
                case INTEGER -> buf.putInt((Integer) value);
                case LONG -> buf.putLong((Long) value);
                case BYTE_ARRAY -> putWithLength(buf, (byte[]) value);
                case STRING -> putWithLength(buf, ((String) value).getBytes(StandardCharsets.UTF_8));
                case TIMESTAMP -> buf.putLong(((Instant) value).toEpochMilli());
                case UUID -> {
                    UUID uuid = (UUID) value;
                    buf.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
                }
            }
        }
    }

    private static void putWithLength(ByteBuffer buf, byte[] bytes) {
        buf.putShort((short) bytes.length).put(bytes);
    }
}
