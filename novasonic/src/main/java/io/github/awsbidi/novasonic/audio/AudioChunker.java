package io.github.awsbidi.novasonic.audio;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a PCM stream that arrives in arbitrary pieces into equal chunks (by default ~32 ms, the size
 * Nova Sonic's own samples send: 1024 bytes at 16 kHz), carrying the remainder over to the next call.
 * Not thread-safe: one per stream.
 */
public final class AudioChunker {

    /** The chunk duration AWS's samples use for {@code audioInput}. */
    public static final Duration DEFAULT_CHUNK = Duration.ofMillis(32);

    private final int chunkBytes;
    private final byte[] pending;
    private int pendingBytes;

    /** A chunker of {@code chunkBytes} (a positive, even number) per chunk. */
    public AudioChunker(int chunkBytes) {
        if (chunkBytes < Pcm16.BYTES_PER_SAMPLE || chunkBytes % Pcm16.BYTES_PER_SAMPLE != 0) {
            throw new IllegalArgumentException("chunkBytes must be a positive even number, was " + chunkBytes);
        }
        this.chunkBytes = chunkBytes;
        this.pending = new byte[chunkBytes];
    }

    /** A chunker of {@link #DEFAULT_CHUNK} at {@code sampleRate}. */
    public static AudioChunker forRate(int sampleRate) {
        return new AudioChunker(Pcm16.bytesFor(sampleRate, DEFAULT_CHUNK));
    }

    /** Bytes per chunk. */
    public int chunkBytes() {
        return chunkBytes;
    }

    /** Bytes held back until the next chunk fills. */
    public int pendingBytes() {
        return pendingBytes;
    }

    /** The whole chunks that {@code pcm}, after what was held back, completes. */
    public List<byte[]> push(byte[] pcm) {
        return push(ByteBuffer.wrap(pcm));
    }

    /** The whole chunks that the remaining bytes of {@code pcm} complete; consumes the buffer. */
    public List<byte[]> push(ByteBuffer pcm) {
        List<byte[]> chunks = new ArrayList<>(Math.max(1, (pendingBytes + pcm.remaining()) / chunkBytes));
        while (pcm.hasRemaining()) {
            int take = Math.min(chunkBytes - pendingBytes, pcm.remaining());
            pcm.get(pending, pendingBytes, take);
            pendingBytes += take;
            if (pendingBytes == chunkBytes) {
                chunks.add(pending.clone());
                pendingBytes = 0;
            }
        }
        return chunks;
    }

    /** The held-back bytes as a final short chunk (whole samples; a lone odd byte is dropped), or {@code null} if none. */
    public byte @Nullable [] flush() {
        int whole = pendingBytes - pendingBytes % Pcm16.BYTES_PER_SAMPLE;
        pendingBytes = 0;
        if (whole == 0) {
            return null;
        }
        return Arrays.copyOf(pending, whole);
    }
}
