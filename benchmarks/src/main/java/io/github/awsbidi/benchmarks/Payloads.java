package io.github.awsbidi.benchmarks;

import java.util.SplittableRandom;

/** Request payloads: noise of a given size, like compressed or PCM audio. */
final class Payloads {

    /** A small control message or text chunk. */
    static final int SMALL = 200;

    /** 100 ms of 16 kHz 16-bit mono PCM. */
    static final int AUDIO = 3_200;

    private Payloads() {}

    static byte[] of(int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(size).nextBytes(bytes);
        return bytes;
    }
}
