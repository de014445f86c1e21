package io.github.awsbidi.emulator.container;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One SageMaker {@code PayloadPart}, which is exactly one WebSocket data frame between SageMaker and
 * the model container. {@code last=false} is {@code CompletionState=PARTIAL}, sent as a frame with
 * FIN=0; {@code last=true} is {@code COMPLETE} (FIN=1). The payload array is not copied: do not
 * change it after handing the frame over.
 *
 * @param payload the frame's bytes, never re-encoded
 * @param type the type of the message the frame belongs to (a continuation frame carries the type
 *     of its message's first fragment)
 * @param last whether this frame ends its message (FIN bit)
 */
public record ContainerFrame(byte[] payload, PayloadType type, boolean last) {

    public ContainerFrame {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(type, "type");
    }

    /** A complete UTF8 frame holding {@code text}. */
    public static ContainerFrame utf8(String text) {
        return new ContainerFrame(text.getBytes(StandardCharsets.UTF_8), PayloadType.UTF8, true);
    }

    /** A UTF8 frame holding {@code text}, ending its message if {@code last}. */
    public static ContainerFrame utf8(String text, boolean last) {
        return new ContainerFrame(text.getBytes(StandardCharsets.UTF_8), PayloadType.UTF8, last);
    }

    /** A complete BINARY frame holding {@code bytes}. */
    public static ContainerFrame binary(byte[] bytes) {
        return new ContainerFrame(bytes, PayloadType.BINARY, true);
    }

    /** A BINARY frame holding {@code bytes}, ending its message if {@code last}. */
    public static ContainerFrame binary(byte[] bytes, boolean last) {
        return new ContainerFrame(bytes, PayloadType.BINARY, last);
    }

    /** The payload decoded as UTF-8 (for text frames and for tests). */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ContainerFrame that
                && type == that.type
                && last == that.last
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(payload), type, last);
    }

    @Override
    public String toString() {
        String body =
                type == PayloadType.UTF8 && payload.length <= 200 ? '"' + text() + '"' : payload.length + " bytes";
        return "ContainerFrame[" + type + ", last=" + last + ", " + body + "]";
    }
}
