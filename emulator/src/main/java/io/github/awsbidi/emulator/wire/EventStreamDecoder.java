package io.github.awsbidi.emulator.wire;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Incremental event-stream decoder for one stream of bytes (one HTTP/2 stream). Feed it whatever
 * arrives; it emits each complete message and keeps the rest of a partial one. Memory grows only
 * with the bytes actually pending (it never reserves the declared or maximum length up front),
 * and a declared length over the limit fails as soon as its four bytes arrive.
 * Not thread-safe. After an {@link EventStreamFormatException} the decoder refuses further input.
 */
public final class EventStreamDecoder implements AutoCloseable {

    /** Smallest valid message: a prelude and a message CRC, no headers, no payload. */
    public static final int MIN_MESSAGE_BYTES = 16;

    private static final int PRELUDE_BYTES = 12;

    private static final int HEADER_TYPES = HeaderType.values().length;

    /** A buffer up to this size is kept for the next message rather than reallocated. */
    private static final int RETAINED_BUFFER_BYTES = 8192;

    private final int maxMessageBytes;

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();

    private byte[] pending = new byte[0];

    private int pendingLength;

    /** Total length of the message being read, or -1 while its prelude is incomplete. */
    private int totalLength = -1;

    private int headersLength;

    private boolean unusable;

    /**
     * @param maxMessageBytes largest accepted total message length, at least {@value #MIN_MESSAGE_BYTES}
     */
    public EventStreamDecoder(int maxMessageBytes) {
        if (maxMessageBytes < MIN_MESSAGE_BYTES) {
            throw new IllegalArgumentException(
                    "maxMessageBytes " + maxMessageBytes + " is below the minimum message length " + MIN_MESSAGE_BYTES);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Consumes every readable byte of {@code in} (without releasing it) and passes each message
     * completed by them to {@code out}, in order.
     * @throws EventStreamFormatException if the bytes are not a valid event stream
     * @throws IllegalStateException if the decoder failed before or is closed
     */
    public void decode(ByteBuf in, Consumer<EventStreamMessage> out) {
        if (this.unusable) {
            throw new IllegalStateException("decoder is closed or failed on earlier input");
        }
        try {
            while (in.isReadable()) {
                if (this.totalLength < 0) {
                    readInto(in, PRELUDE_BYTES);
                    if (this.pendingLength >= 4) {
                        checkTotalLength(ByteBuffer.wrap(this.pending).getInt(0));
                    }
                    if (this.pendingLength == PRELUDE_BYTES) {
                        readPrelude();
                    }
                } else {
                    readInto(in, this.totalLength);
                    if (this.pendingLength == this.totalLength) {
                        EventStreamMessage message = readMessage();
                        reset();
                        out.accept(message);
                    }
                }
            }
        } catch (EventStreamFormatException ex) {
            close();
            throw ex;
        }
    }

    /**
     * Declares that no more input will come (the HTTP/2 stream ended). A message cut short is malformed
     * input like any other: the decoder fails and cannot be used afterwards.
     * @throws EventStreamFormatException if part of a message arrived but not all of it
     * @throws IllegalStateException if the decoder failed before or is closed
     */
    public void endOfInput() {
        if (this.unusable) {
            throw new IllegalStateException("decoder is closed or failed on earlier input");
        }
        if (this.pendingLength > 0) {
            String expected =
                    this.totalLength < 0 ? "a " + PRELUDE_BYTES + "-byte prelude" : this.totalLength + " bytes";
            int received = this.pendingLength;
            close();
            throw new EventStreamFormatException(
                    "input ended inside a message: " + received + " bytes of " + expected + " arrived");
        }
    }

    /** Whether part of a message has arrived and waits for the rest. */
    public boolean hasPendingBytes() {
        return this.pendingLength > 0;
    }

    /** Bytes currently reserved for pending input (for tests of the memory bound). */
    int bufferCapacity() {
        return this.pending.length;
    }

    /** Drops any pending bytes; the decoder cannot be used afterwards. */
    @Override
    public void close() {
        this.unusable = true;
        this.pending = new byte[0];
        this.pendingLength = 0;
    }

    private void readInto(ByteBuf in, int target) {
        int count = Math.min(target - this.pendingLength, in.readableBytes());
        int required = this.pendingLength + count;
        if (this.pending.length < required) {
            // Grow geometrically, but never beyond the current target: bounded by what arrived.
            int grown = Math.max(required, Math.min(target, Math.max(PRELUDE_BYTES, this.pending.length * 2)));
            this.pending = Arrays.copyOf(this.pending, grown);
        }
        in.readBytes(this.pending, this.pendingLength, count);
        this.pendingLength = required;
    }

    private void checkTotalLength(int total) {
        // An int over 2 GiB reads as negative: treat it as the unsigned value it is on the wire.
        long unsigned = Integer.toUnsignedLong(total);
        if (unsigned > this.maxMessageBytes) {
            throw new EventStreamFormatException(
                    "message length " + unsigned + " exceeds limit " + this.maxMessageBytes);
        }
        if (unsigned < MIN_MESSAGE_BYTES) {
            throw new EventStreamFormatException(
                    "message length " + unsigned + " is below the minimum " + MIN_MESSAGE_BYTES);
        }
    }

    private void readPrelude() {
        ByteBuffer prelude = ByteBuffer.wrap(this.pending, 0, PRELUDE_BYTES);
        int total = prelude.getInt(0);
        long headers = Integer.toUnsignedLong(prelude.getInt(4));
        long declaredCrc = Integer.toUnsignedLong(prelude.getInt(8));
        long computedCrc = EventStreamEncoder.crc32(this.pending, 0, 8);
        if (declaredCrc != computedCrc) {
            throw new EventStreamFormatException(
                    "prelude CRC mismatch: declared " + hex(declaredCrc) + ", computed " + hex(computedCrc));
        }
        if (headers > total - MIN_MESSAGE_BYTES) {
            throw new EventStreamFormatException(
                    "headers length " + headers + " does not fit in message length " + total);
        }
        this.totalLength = total;
        this.headersLength = (int) headers;
    }

    private EventStreamMessage readMessage() {
        int crcOffset = this.totalLength - 4;
        long declaredCrc = Integer.toUnsignedLong(ByteBuffer.wrap(this.pending).getInt(crcOffset));
        long computedCrc = EventStreamEncoder.crc32(this.pending, 0, crcOffset);
        if (declaredCrc != computedCrc) {
            throw new EventStreamFormatException(
                    "message CRC mismatch: declared " + hex(declaredCrc) + ", computed " + hex(computedCrc));
        }
        int payloadOffset = PRELUDE_BYTES + this.headersLength;
        List<Header> headers = readHeaders(ByteBuffer.wrap(this.pending, PRELUDE_BYTES, this.headersLength));
        byte[] payload = Arrays.copyOfRange(this.pending, payloadOffset, crcOffset);
        return new EventStreamMessage(headers, payload);
    }

    private List<Header> readHeaders(ByteBuffer block) {
        List<Header> headers = new ArrayList<>();
        while (block.hasRemaining()) {
            int nameLength = Byte.toUnsignedInt(block.get());
            if (nameLength == 0) {
                throw new EventStreamFormatException("header name is empty (header " + (headers.size() + 1) + ")");
            }
            String name = utf8(take(block, nameLength, "header name"), "header name");
            if (!block.hasRemaining()) {
                require(block, 1, "type of header '" + name + "'");
            }
            int typeId = Byte.toUnsignedInt(block.get());
            if (typeId >= HEADER_TYPES) {
                throw new EventStreamFormatException("unknown header type " + typeId + " for header '" + name + "'");
            }
            headers.add(readValue(block, name, HeaderType.fromWireId(typeId)));
        }
        return headers;
    }

    /** Error texts name the header; they are only built when one is thrown, not for every header read. */
    private static String valueOf(String name) {
        return "value of header '" + name + "'";
    }

    private Header readValue(ByteBuffer block, String name, HeaderType type) {
        int fixed = type.fixedValueLength();
        if (fixed > 0 && block.remaining() < fixed) {
            require(block, fixed, valueOf(name));
        }
        return switch (type) {
            case BOOL_TRUE -> new Header(name, type, Boolean.TRUE);
            case BOOL_FALSE -> new Header(name, type, Boolean.FALSE);
            case BYTE -> new Header(name, type, block.get());
            case SHORT -> new Header(name, type, block.getShort());
            case INTEGER -> new Header(name, type, block.getInt());
            case LONG -> new Header(name, type, block.getLong());
            case BYTE_ARRAY -> new Header(name, type, takeWithLength(block, name));
            case STRING -> new Header(name, type, utf8Value(takeWithLength(block, name), name));
            case TIMESTAMP -> new Header(name, type, Instant.ofEpochMilli(block.getLong()));
            case UUID -> new Header(name, type, new UUID(block.getLong(), block.getLong()));
        };
    }

    private static byte[] takeWithLength(ByteBuffer block, String name) {
        if (block.remaining() < 2) {
            require(block, 2, "length of " + valueOf(name));
        }
        int length = Short.toUnsignedInt(block.getShort());
        if (length > Header.MAX_VALUE_BYTES) {
            throw new EventStreamFormatException(
                    valueOf(name) + " length " + length + " exceeds limit " + Header.MAX_VALUE_BYTES);
        }
        if (block.remaining() < length) {
            require(block, length, valueOf(name));
        }
        byte[] bytes = new byte[length];
        block.get(bytes);
        return bytes;
    }

    private static byte[] take(ByteBuffer block, int length, String what) {
        require(block, length, what);
        byte[] bytes = new byte[length];
        block.get(bytes);
        return bytes;
    }

    private static void require(ByteBuffer block, int length, String what) {
        if (block.remaining() < length) {
            throw new EventStreamFormatException("truncated headers: " + what + " needs " + length + " bytes, "
                    + block.remaining() + " left in the header block");
        }
    }

    private String utf8Value(byte[] bytes, String name) {
        return Utf8.isAscii(bytes) ? new String(bytes, StandardCharsets.ISO_8859_1) : utf8(bytes, valueOf(name));
    }

    private String utf8(byte[] bytes, String what) {
        if (Utf8.isAscii(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return this.utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException ex) {
            throw new EventStreamFormatException(what + " is not valid UTF-8");
        }
    }

    private void reset() {
        this.totalLength = -1;
        this.headersLength = 0;
        this.pendingLength = 0;
        if (this.pending.length > RETAINED_BUFFER_BYTES) {
            this.pending = new byte[0];
        }
    }

    private static String hex(long crc) {
        return String.format("0x%08x", crc);
    }
}
