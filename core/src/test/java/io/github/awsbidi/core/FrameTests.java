package io.github.awsbidi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameTests {

    @Test
    void textIsCompleteUtf8() {
        Frame frame = Frame.text("héllo");

        assertThat(frame.type()).isEqualTo(DataType.UTF8);
        assertThat(frame.last()).isTrue();
        assertThat(frame.padding()).isNull();
        assertThat(frame.size()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8).length);
        assertThat(frame.asString()).isEqualTo("héllo");
    }

    @Test
    void jsonIsUtf8Text() {
        assertThat(Frame.json("{\"a\":1}")).isEqualTo(Frame.text("{\"a\":1}"));
    }

    @Test
    void binaryWrapsTheArrayWithoutCopying() {
        byte[] bytes = {1, 2, 3};
        Frame frame = Frame.binary(bytes);

        bytes[0] = 9;

        assertThat(frame.type()).isEqualTo(DataType.BINARY);
        assertThat(frame.payload().get(0)).isEqualTo((byte) 9);
    }

    @Test
    void binaryViewsTheBufferFromItsPositionWithoutCopying() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4});
        buffer.position(1).limit(4);
        Frame frame = Frame.binary(buffer);
        buffer.position(0).limit(5);

        buffer.put(2, (byte) 7);

        assertThat(frame.size()).isEqualTo(3);
        assertThat(frame.toByteArray()).containsExactly(1, 7, 3);
    }

    @Test
    void aReadOnlyBufferIsViewedFromItsPositionAndKeepsItsViewWhenTheCallerMovesIt() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4}).asReadOnlyBuffer();
        buffer.position(2);
        Frame frame = Frame.binary(buffer);
        buffer.position(4);

        assertThat(frame.toByteArray()).containsExactly(2, 3, 4);
        ByteBuffer view = frame.payload();
        assertThat(view.position()).isZero();
        assertThat(view.capacity())
                .as("bytes before the frame stay out of reach")
                .isEqualTo(3);
    }

    @Test
    void bytesPastTheLimitOfTheGivenBufferStayOutOfReach() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4});
        buffer.limit(2);
        Frame frame = Frame.binary(buffer);
        buffer.limit(5);

        ByteBuffer view = frame.payload();
        assertThat(view.capacity()).isEqualTo(2);
        assertThat(frame.toByteArray()).containsExactly(0, 1);
    }

    @Test
    void payloadIsReadOnlyAndEachViewHasItsOwnPosition() {
        Frame frame = Frame.binary(new byte[] {1, 2});

        ByteBuffer first = frame.payload();
        first.get();

        assertThat(first.isReadOnly()).isTrue();
        assertThatThrownBy(() -> first.put(0, (byte) 5)).isInstanceOf(ReadOnlyBufferException.class);
        assertThat(frame.payload().remaining()).isEqualTo(2);
        assertThat(frame.size()).isEqualTo(2);
    }

    @Test
    void partialAndPaddingAreKept() {
        Frame frame = Frame.text("part").partial().withPadding("xxxx");

        assertThat(frame.last()).isFalse();
        assertThat(frame.padding()).isEqualTo("xxxx");
        assertThat(frame.withLast(true).last()).isTrue();
        assertThat(frame.asString()).isEqualTo("part");
    }

    @Test
    void equalFramesHaveEqualContent() {
        assertThat(Frame.binary(new byte[] {1, 2}))
                .isEqualTo(Frame.binary(ByteBuffer.wrap(new byte[] {1, 2})))
                .isNotEqualTo(Frame.binary(new byte[] {1, 3}));
    }

    @Test
    void toStringDoesNotDumpThePayload() {
        assertThat(Frame.text("secret").partial()).hasToString("Frame[UTF8, 6 bytes, PARTIAL]");
    }
}
