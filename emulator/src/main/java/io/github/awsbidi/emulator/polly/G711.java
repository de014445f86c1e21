package io.github.awsbidi.emulator.polly;

/** ITU-T G.711 companding of 16-bit linear samples. */
final class G711 {

    private static final int MULAW_BIAS = 0x84;

    private static final int MULAW_CLIP = 32635;

    private G711() {}

    static byte mulaw(short linear) {
        int sample = linear;
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) {
            sample = -sample;
        }
        sample = Math.min(sample, MULAW_CLIP) + MULAW_BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (sample >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    static byte alaw(short linear) {
        int sample = linear;
        int sign = sample >= 0 ? 0x80 : 0;
        if (sign == 0) {
            sample = -sample - 1;
        }
        sample = Math.min(sample, 32767) >> 3;
        int exponent = 0;
        int value;
        if (sample < 32) {
            value = sample >> 1;
        } else {
            exponent = 1;
            while (sample >= 64 && exponent < 7) {
                sample >>= 1;
                exponent++;
            }
            value = (sample >> 1) & 0x0f;
        }
        return (byte) ((sign | (exponent << 4) | value) ^ 0x55);
    }
}
