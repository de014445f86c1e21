package io.github.awsbidi.novasonic.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioChunkerTests {

    @Test
    void thirtyTwoMillisecondsAtEachRate() {
        assertThat(AudioChunker.forRate(16_000).chunkBytes()).isEqualTo(1024);
        assertThat(AudioChunker.forRate(24_000).chunkBytes()).isEqualTo(1536);
        assertThat(AudioChunker.forRate(8_000).chunkBytes()).isEqualTo(512);
    }

    @Test
    void carriesTheRemainderAcrossCalls() {
        AudioChunker chunker = new AudioChunker(4);
        byte[] stream = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        List<byte[]> chunks = new ArrayList<>();

        chunks.addAll(chunker.push(new byte[] {0, 1, 2}));
        assertThat(chunks).isEmpty();
        assertThat(chunker.pendingBytes()).isEqualTo(3);
        chunks.addAll(chunker.push(new byte[] {3, 4, 5, 6, 7, 8}));
        chunks.addAll(chunker.push(ByteBuffer.wrap(new byte[] {9, 10})));

        assertThat(chunks).containsExactly(new byte[] {0, 1, 2, 3}, new byte[] {4, 5, 6, 7});
        assertThat(chunker.pendingBytes()).isEqualTo(3);
        // The remainder is whole samples only; the lone odd byte cannot be a sample.
        assertThat(chunker.flush()).containsExactly(8, 9);
        assertThat(chunker.flush()).isNull();
        assertThat(stream).hasSize(11);
    }

    @Test
    void aLargePushGivesManyChunks() {
        AudioChunker chunker = AudioChunker.forRate(16_000);

        List<byte[]> chunks = chunker.push(new byte[1024 * 5 + 10]);

        assertThat(chunks).hasSize(5).allSatisfy(chunk -> assertThat(chunk).hasSize(1024));
        assertThat(chunker.pendingBytes()).isEqualTo(10);
    }

    @Test
    void chunkSizeMustBeWholeSamples() {
        assertThatThrownBy(() -> new AudioChunker(3)).hasMessageContaining("chunkBytes");
    }
}
