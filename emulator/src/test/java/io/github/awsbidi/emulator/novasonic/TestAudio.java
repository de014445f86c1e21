package io.github.awsbidi.emulator.novasonic;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** 16-bit little-endian mono PCM for tests. */
final class TestAudio {

    private TestAudio() {}

    static byte[] sine(double seconds, double hertz, int sampleRate, double amplitude) {
        int samples = (int) Math.round(seconds * sampleRate);
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            int value = (int) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hertz * i / sampleRate));
            pcm[2 * i] = (byte) value;
            pcm[2 * i + 1] = (byte) (value >> 8);
        }
        return pcm;
    }

    static byte[] silence(double seconds, int sampleRate) {
        return new byte[(int) Math.round(seconds * sampleRate) * 2];
    }

    /** Splits PCM into chunks of the given duration, the way a microphone loop sends it. */
    static List<byte[]> chunks(byte[] pcm, int sampleRate, int millis) {
        int size = sampleRate * millis / 1000 * 2;
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < pcm.length; from += size) {
            int to = Math.min(pcm.length, from + size);
            byte[] chunk = new byte[to - from];
            System.arraycopy(pcm, from, chunk, 0, chunk.length);
            chunks.add(chunk);
        }
        return chunks;
    }

    static byte[] decode(List<CollectingSink.Event> audioOutputs) {
        List<byte[]> parts = audioOutputs.stream()
                .map(e -> Base64.getDecoder().decode(e.text("content")))
                .toList();
        int total = parts.stream().mapToInt(p -> p.length).sum();
        byte[] pcm = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, pcm, at, part.length);
            at += part.length;
        }
        return pcm;
    }
}
