package io.github.awsbidi.emulator.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

class EventStreamCodecTests {

    private static final int LIMIT = 1024 * 1024;

    private static final EventStreamMessage EVERY_TYPE = new EventStreamMessage(
            List.of(
                    Header.bool("t", true),
                    Header.bool("f", false),
                    Header.int8("byte", (byte) -7),
                    Header.int16("short", (short) -12345),
                    Header.int32("int", 0x7eadbeef),
                    Header.int64("long", Long.MIN_VALUE + 3),
                    Header.bytes("bytes", new byte[] {0, 1, (byte) 0xff}),
                    Header.string("string", "héllo ✓"),
                    Header.timestamp("ts", Instant.parse("2025-06-01T12:34:56.789Z")),
                    Header.uuid("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))),
            "payload".getBytes(StandardCharsets.UTF_8));

    /** Every type but BYTE and SHORT, which the SDK's encoder gets wrong (see the test below). */
    private static final EventStreamMessage SDK_ENCODABLE = new EventStreamMessage(
            EVERY_TYPE.headers().stream()
                    .filter(h -> h.type() != HeaderType.BYTE && h.type() != HeaderType.SHORT)
                    .toList(),
            EVERY_TYPE.payload());

    @Test
    void everyHeaderTypeSurvivesARoundTrip() {
        assertThat(decodeAll(EventStreamEncoder.encodeToBytes(EVERY_TYPE))).containsExactly(EVERY_TYPE);
    }

    @Test
    void factoriesSetTheStandardHeaders() {
        EventStreamMessage event = EventStreamMessage.event("chunk", "application/json", new byte[] {1});
        assertThat(event.stringHeader(":message-type")).contains("event");
        assertThat(event.stringHeader(":event-type")).contains("chunk");
        assertThat(event.stringHeader(":content-type")).contains("application/json");

        EventStreamMessage exception = EventStreamMessage.exception("throttlingException", "{}".getBytes());
        assertThat(exception.headers())
                .extracting(Header::name)
                .containsExactly(":message-type", ":exception-type", ":content-type");
        assertThat(exception.stringHeader(":content-type")).contains("application/json");

        EventStreamMessage error = EventStreamMessage.error("InternalFailure", "boom");
        assertThat(error.stringHeader(":error-code")).contains("InternalFailure");
        assertThat(error.stringHeader(":error-message")).contains("boom");
        assertThat(error.payload()).isEmpty();
        assertThat(error.withHeader(Header.int32("n", 1)).header("n"))
                .map(Header::value)
                .contains(1);
        assertThat(error.header("absent")).isEmpty();
    }

    @Test
    void sdkDecodesWhatWeEncode() {
        Message decoded = Message.decode(ByteBuffer.wrap(EventStreamEncoder.encodeToBytes(EVERY_TYPE)));
        assertThat(fromSdk(decoded)).isEqualTo(EVERY_TYPE);
    }

    @Test
    void weDecodeWhatTheSdkEncodes() {
        Message sdk = toSdk(SDK_ENCODABLE);
        byte[] wire = toBytes(sdk.toByteBuffer());
        assertThat(wire).isEqualTo(EventStreamEncoder.encodeToBytes(SDK_ENCODABLE));
        assertThat(decodeAll(wire)).containsExactly(SDK_ENCODABLE);
    }

    @Test
    void headerBlockMatchesTheSdk() {
        Message sdk = toSdk(SDK_ENCODABLE);
        assertThat(EventStreamEncoder.encodeHeaders(SDK_ENCODABLE.headers()))
                .isEqualTo(Message.encodeHeaders(sdk.getHeaders().entrySet()));
    }

    @Test
    void sdkEncoderDropsByteAndShortValuesSoTheyAreLeftOutOfTheCrossCheck() {
        // eventstream 1.0.1 writes the type id of a BYTE or SHORT header but not its value (it can
        // still decode them); the SDK never sends such headers, and the spec gives them 1 and 2 bytes.
        Message sdk = toSdk(new EventStreamMessage(List.of(Header.int8("b", (byte) 1)), new byte[0]));
        assertThat(Message.encodeHeaders(sdk.getHeaders().entrySet())).containsExactly(1, 'b', 2);
        assertThat(EventStreamEncoder.encodeHeaders(List.of(Header.int8("b", (byte) 1))))
                .containsExactly(1, 'b', 2, 1);
    }

    @Test
    void feedingOneByteAtATimeYieldsTheSameMessages() {
        List<EventStreamMessage> messages = List.of(
                EVERY_TYPE,
                EventStreamMessage.event("chunk", "application/json", new byte[0]),
                new EventStreamMessage(List.of(), new byte[0]),
                EventStreamMessage.event("PayloadPart", "application/octet-stream", new byte[20_000]));
        byte[] wire = concat(messages);
        List<EventStreamMessage> decoded = new ArrayList<>();
        try (EventStreamDecoder decoder = new EventStreamDecoder(LIMIT)) {
            for (byte b : wire) {
                ByteBuf one = PooledByteBufAllocator.DEFAULT.buffer(1).writeByte(b);
                decoder.decode(one, decoded::add);
                assertThat(one.isReadable()).isFalse();
                one.release();
            }
            assertThat(decoder.hasPendingBytes()).isFalse();
        }
        assertThat(decoded).isEqualTo(messages);
    }

    @Test
    void splittingAtEveryBoundaryYieldsTheSameMessages() {
        List<EventStreamMessage> messages = List.of(EVERY_TYPE, EventStreamMessage.error("E", "m"));
        byte[] wire = concat(messages);
        for (int split = 0; split <= wire.length; split++) {
            List<EventStreamMessage> decoded = new ArrayList<>();
            try (EventStreamDecoder decoder = new EventStreamDecoder(LIMIT)) {
                decodeReleasing(decoder, slice(wire, 0, split), decoded);
                assertThat(decoder.hasPendingBytes())
                        .isEqualTo(split != 0
                                && split != wire.length
                                && split != EventStreamEncoder.encodeToBytes(EVERY_TYPE).length);
                decodeReleasing(decoder, slice(wire, split, wire.length), decoded);
            }
            assertThat(decoded).as("split at %d", split).isEqualTo(messages);
        }
    }

    @Test
    void memoryFollowsThePendingBytesNotTheDeclaredLength() {
        byte[] wire = EventStreamEncoder.encodeToBytes(
                EventStreamMessage.event("chunk", "application/octet-stream", new byte[LIMIT - 200]));
        List<EventStreamMessage> decoded = new ArrayList<>();
        try (EventStreamDecoder decoder = new EventStreamDecoder(LIMIT)) {
            decodeReleasing(decoder, slice(wire, 0, 100), decoded);
            assertThat(decoder.bufferCapacity()).isLessThanOrEqualTo(200);
            decodeReleasing(decoder, slice(wire, 100, 5000), decoded);
            assertThat(decoder.bufferCapacity()).isLessThanOrEqualTo(10_000);
            decodeReleasing(decoder, slice(wire, 5000, wire.length), decoded);
            assertThat(decoder.hasPendingBytes()).isFalse();
            assertThat(decoder.bufferCapacity()).isZero();
        }
        assertThat(decoded).hasSize(1);
    }

    @Test
    void pooledBuffersFromTheEncoderAreReleasedCleanly() {
        ByteBuf encoded = EventStreamEncoder.encode(EVERY_TYPE, PooledByteBufAllocator.DEFAULT);
        List<EventStreamMessage> decoded = new ArrayList<>();
        try (EventStreamDecoder decoder = new EventStreamDecoder(LIMIT)) {
            decoder.decode(encoded, decoded::add);
        }
        assertThat(encoded.refCnt()).isEqualTo(1);
        assertThat(encoded.release()).isTrue();
        assertThat(decoded).containsExactly(EVERY_TYPE);
    }

    @Test
    void preludeCorruptionIsDetected() {
        byte[] wire = EventStreamEncoder.encodeToBytes(EVERY_TYPE);
        wire[9] ^= 1;
        assertDecodeFails(wire, "prelude CRC mismatch");
    }

    @Test
    void messageCorruptionIsDetected() {
        byte[] wire = EventStreamEncoder.encodeToBytes(EVERY_TYPE);
        wire[wire.length - 6] ^= 1;
        assertDecodeFails(wire, "message CRC mismatch");
    }

    @Test
    void oversizeDeclaredLengthFailsAsSoonAsItArrives() {
        byte[] lengthOnly = ByteBuffer.allocate(4).putInt(9_000_000).array();
        assertDecodeFails(lengthOnly, "message length 9000000 exceeds limit 1048576");
        assertDecodeFails(ByteBuffer.allocate(4).putInt(-1).array(), "message length 4294967295 exceeds limit");
    }

    @Test
    void lengthBelowTheMinimumFails() {
        assertDecodeFails(ByteBuffer.allocate(4).putInt(15).array(), "message length 15 is below the minimum 16");
    }

    @Test
    void headersLongerThanTheMessageFail() {
        byte[] prelude = prelude(16, 1);
        byte[] withCrc = ByteBuffer.allocate(12)
                .put(prelude)
                .putInt((int) EventStreamEncoder.crc32(prelude, 0, 8))
                .array();
        assertDecodeFails(withCrc, "headers length 1 does not fit in message length 16");
    }

    @Test
    void truncatedHeadersFail() {
        // One header "ab" of type LONG, but only 3 of its 8 value bytes.
        byte[] headers = {2, 'a', 'b', 5, 0, 0, 0};
        assertDecodeFails(
                withValidCrcs(headers, new byte[] {9}),
                "truncated headers: value of header 'ab' needs 8 bytes, 3 left");
        assertDecodeFails(
                withValidCrcs(new byte[] {5, 'a'}, new byte[0]), "truncated headers: header name needs 5 bytes");
    }

    @Test
    void unknownHeaderTypeFails() {
        byte[] headers = {1, 'x', 10};
        assertDecodeFails(withValidCrcs(headers, new byte[0]), "unknown header type 10 for header 'x'");
    }

    @Test
    void decoderIsUnusableAfterAFailure() {
        byte[] wire = EventStreamEncoder.encodeToBytes(EVERY_TYPE);
        wire[0] = 0x7f;
        EventStreamDecoder decoder = new EventStreamDecoder(LIMIT);
        assertThatThrownBy(() -> decodeReleasing(decoder, wire, new ArrayList<>()))
                .isInstanceOf(EventStreamFormatException.class);
        assertThat(decoder.hasPendingBytes()).isFalse();
        assertThatThrownBy(
                        () -> decodeReleasing(decoder, EventStreamEncoder.encodeToBytes(EVERY_TYPE), new ArrayList<>()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void inputEndingInsideAMessageIsMalformed() {
        byte[] whole = EventStreamEncoder.encodeToBytes(EVERY_TYPE);
        EventStreamDecoder decoder = new EventStreamDecoder(LIMIT);
        List<EventStreamMessage> decoded = new ArrayList<>();
        decodeReleasing(decoder, concat(List.of(EVERY_TYPE, EVERY_TYPE)), decoded);
        decodeReleasing(decoder, slice(whole, 0, whole.length - 1), decoded);

        assertThat(decoded).containsExactly(EVERY_TYPE, EVERY_TYPE);
        assertThatThrownBy(decoder::endOfInput)
                .isInstanceOf(EventStreamFormatException.class)
                .hasMessage("input ended inside a message: " + (whole.length - 1) + " bytes of " + whole.length
                        + " bytes arrived");
        assertThat(decoder.hasPendingBytes()).isFalse();
        assertThatThrownBy(() -> decodeReleasing(decoder, whole, new ArrayList<>()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void inputEndingInsideAPreludeIsMalformed() {
        EventStreamDecoder decoder = new EventStreamDecoder(LIMIT);
        decodeReleasing(decoder, slice(EventStreamEncoder.encodeToBytes(EVERY_TYPE), 0, 5), new ArrayList<>());

        assertThatThrownBy(decoder::endOfInput)
                .isInstanceOf(EventStreamFormatException.class)
                .hasMessage("input ended inside a message: 5 bytes of a 12-byte prelude arrived");
    }

    @Test
    void inputEndingBetweenMessagesIsFine() {
        EventStreamDecoder decoder = new EventStreamDecoder(LIMIT);
        List<EventStreamMessage> decoded = new ArrayList<>();
        decodeReleasing(decoder, EventStreamEncoder.encodeToBytes(EVERY_TYPE), decoded);

        decoder.endOfInput();

        assertThat(decoded).containsExactly(EVERY_TYPE);
    }

    @Test
    void emptyMessageIsSixteenBytes() {
        byte[] wire = EventStreamEncoder.encodeToBytes(new EventStreamMessage(List.of(), new byte[0]));
        assertThat(wire).hasSize(16);
        assertThat(decodeAll(wire)).containsExactly(new EventStreamMessage(List.of(), new byte[0]));
    }

    private static void assertDecodeFails(byte[] wire, String message) {
        try (EventStreamDecoder decoder = new EventStreamDecoder(LIMIT)) {
            assertThatThrownBy(() -> decodeReleasing(decoder, wire, new ArrayList<>()))
                    .isInstanceOf(EventStreamFormatException.class)
                    .hasMessageContaining(message);
        }
    }

    private static List<EventStreamMessage> decodeAll(byte[] wire) {
        List<EventStreamMessage> decoded = new ArrayList<>();
        try (EventStreamDecoder decoder = new EventStreamDecoder(LIMIT)) {
            decodeReleasing(decoder, wire, decoded);
            assertThat(decoder.hasPendingBytes()).isFalse();
        }
        return decoded;
    }

    private static void decodeReleasing(EventStreamDecoder decoder, byte[] bytes, List<EventStreamMessage> out) {
        ByteBuf buf =
                PooledByteBufAllocator.DEFAULT.buffer(Math.max(bytes.length, 1)).writeBytes(bytes);
        try {
            decoder.decode(buf, out::add);
        } finally {
            buf.release();
        }
    }

    private static byte[] prelude(int total, int headersLength) {
        return ByteBuffer.allocate(8).putInt(total).putInt(headersLength).array();
    }

    /** A message whose CRCs are right but whose header block is whatever the test says. */
    private static byte[] withValidCrcs(byte[] headerBlock, byte[] payload) {
        int total = 16 + headerBlock.length + payload.length;
        byte[] preludeBytes = prelude(total, headerBlock.length);
        ByteBuffer buf = ByteBuffer.allocate(total);
        buf.put(preludeBytes).putInt((int) EventStreamEncoder.crc32(preludeBytes, 0, 8));
        buf.put(headerBlock).put(payload);
        buf.putInt((int) EventStreamEncoder.crc32(buf.array(), 0, total - 4));
        return buf.array();
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(bytes, from, out, 0, out.length);
        return out;
    }

    private static byte[] concat(List<EventStreamMessage> messages) {
        ByteBuf all = Unpooled.buffer();
        messages.forEach(m -> all.writeBytes(EventStreamEncoder.encodeToBytes(m)));
        byte[] bytes = new byte[all.readableBytes()];
        all.readBytes(bytes);
        return bytes;
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Message toSdk(EventStreamMessage message) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        for (Header header : message.headers()) {
            Object value = header.value();
            headers.put(
                    header.name(),
                    switch (header.type()) {
                        case BOOL_TRUE, BOOL_FALSE -> HeaderValue.fromBoolean((Boolean) value);
                        case BYTE -> HeaderValue.fromByte((Byte) value);
                        case SHORT -> HeaderValue.fromShort((Short) value);
                        case INTEGER -> HeaderValue.fromInteger((Integer) value);
                        case LONG -> HeaderValue.fromLong((Long) value);
                        case BYTE_ARRAY -> HeaderValue.fromByteArray((byte[]) value);
                        case STRING -> HeaderValue.fromString((String) value);
                        case TIMESTAMP -> HeaderValue.fromTimestamp((Instant) value);
                        case UUID -> HeaderValue.fromUuid((UUID) value);
                    });
        }
        return new Message(headers, message.payload());
    }

    private static EventStreamMessage fromSdk(Message message) {
        List<Header> headers = new ArrayList<>();
        message.getHeaders()
                .forEach((name, value) -> headers.add(
                        switch (((Object) value.getType()).toString()) {
                            case "TRUE", "FALSE" -> Header.bool(name, value.getBoolean());
                            case "BYTE" -> Header.int8(name, value.getByte());
                            case "SHORT" -> Header.int16(name, value.getShort());
                            case "INTEGER" -> Header.int32(name, value.getInteger());
                            case "LONG" -> Header.int64(name, value.getLong());
                            case "BYTE_ARRAY" -> Header.bytes(name, value.getByteArray());
                            case "STRING" -> Header.string(name, value.getString());
                            case "TIMESTAMP" -> Header.timestamp(name, value.getTimestamp());
                            case "UUID" -> Header.uuid(name, value.getUuid());
                            default -> throw new AssertionError(value.getType());
                        }));
        return new EventStreamMessage(headers, message.getPayload());
    }
}
