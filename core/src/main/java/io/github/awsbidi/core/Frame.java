package io.github.awsbidi.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message of a bidirectional stream: a SageMaker {@code PayloadPart} or a Bedrock {@code chunk}.
 * <p>
 * The payload is held as a read-only view: building a frame from a buffer or an array never copies the bytes,
 * and {@link #payload()} hands out a fresh read-only view each time, so readers cannot disturb each other.
 * {@code last} is SageMaker's {@code CompletionState}: {@code true} for {@code COMPLETE}, {@code false} for
 * {@code PARTIAL} (one message split over several parts). {@code padding} is SageMaker's optional {@code P}
 * header, which hides the payload length from observers. Bedrock uses only the payload.
 *
 * @param payload the bytes, exposed read-only
 * @param type how the bytes are to be read
 * @param last whether this part completes a message ({@code COMPLETE}) or more parts follow ({@code PARTIAL})
 * @param padding SageMaker's {@code P} header, or {@code null}
 */
public record Frame(
        ByteBuffer payload,
        DataType type,
        boolean last,
        @Nullable String padding) {

    public Frame {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(type, "type");
        // An independent read-only view from position to limit, starting at 0, so the caller's buffer can move
        // afterwards without effect. One view object per frame where it will do (the SDK's bytes are read-only
        // already; a wrapped array starts at 0 and ends at its capacity), two otherwise: this runs for every frame.
        if (payload.isReadOnly()) {
            payload = payload.slice();
        } else if (payload.position() == 0 && payload.limit() == payload.capacity()) {
            payload = payload.asReadOnlyBuffer();
        } else {
            payload = payload.slice().asReadOnlyBuffer();
        }
    }

    /** A complete UTF-8 text frame. */
    public static Frame text(String text) {
        return new Frame(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), DataType.UTF8, true, null);
    }

    /** A complete UTF-8 JSON frame: what every Bedrock chunk is. The JSON is not parsed. */
    public static Frame json(String json) {
        return text(json);
    }

    /** A complete binary frame viewing {@code bytes} from its position to its limit, without copying. */
    public static Frame binary(ByteBuffer bytes) {
        return new Frame(bytes, DataType.BINARY, true, null);
    }

    /** A complete binary frame wrapping {@code bytes} without copying: do not modify the array afterwards. */
    public static Frame binary(byte[] bytes) {
        return new Frame(ByteBuffer.wrap(bytes), DataType.BINARY, true, null);
    }

    /** A read-only view of the payload, positioned at its start; no bytes are copied. */
    @Override
    public ByteBuffer payload() {
        return payload.duplicate();
    }

    /** The payload length in bytes. */
    public int size() {
        return payload.remaining();
    }

    /** The payload decoded as UTF-8. */
    public String asString() {
        return StandardCharsets.UTF_8.decode(payload.duplicate()).toString();
    }

    /** A copy of the payload bytes. */
    public byte[] toByteArray() {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(0, bytes); // absolute: readers on other threads see the view unmoved, and no view is made
        return bytes;
    }

    /** This frame marked {@code PARTIAL}: more parts of the same message follow. */
    public Frame partial() {
        return new Frame(payload, type, false, padding);
    }

    /** This frame with the given completion state. */
    public Frame withLast(boolean last) {
        return new Frame(payload, type, last, padding);
    }

    /** This frame with SageMaker's {@code P} padding header set (or cleared with {@code null}). */
    public Frame withPadding(@Nullable String padding) {
        return new Frame(payload, type, last, padding);
    }

    @Override
    public String toString() {
        return "Frame[" + type + ", " + size() + " bytes, " + (last ? "COMPLETE" : "PARTIAL")
                + (padding != null ? ", padded" : "") + "]";
    }
}
