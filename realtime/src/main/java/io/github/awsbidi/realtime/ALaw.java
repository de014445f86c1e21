package io.github.awsbidi.realtime;

/** G.711 A-law (ITU-T G.711), 8 kHz: the codec of {@code audio/pcma}. */
final class ALaw {

    private ALaw() {}

    static byte encode(short pcm) {
        int sample = pcm;
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) {
            sample = -sample - 1;
        }
        if (sample > 32635) {
            sample = 32635;
        }
        int code;
        if (sample >= 256) {
            int exponent = 7;
            for (int mask = 0x4000; (sample & mask) == 0 && exponent > 1; mask >>= 1) {
                exponent--;
            }
            int mantissa = (sample >> (exponent + 3)) & 0x0F;
            code = (exponent << 4) | mantissa;
        } else {
            code = sample >> 4;
        }
        return (byte) ((code | (sign ^ 0x80)) ^ 0x55);
    }

    static short decode(byte alaw) {
        int value = (alaw ^ 0x55) & 0xFF;
        int sign = value & 0x80;
        int exponent = (value >> 4) & 0x07;
        int mantissa = value & 0x0F;
        int sample = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (short) (sign != 0 ? sample : -sample);
    }

    static byte[] encode(byte[] pcm16) {
        byte[] out = new byte[pcm16.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = encode((short) ((pcm16[2 * i] & 0xFF) | (pcm16[2 * i + 1] << 8)));
        }
        return out;
    }

    static byte[] decode(byte[] codes) {
        byte[] out = new byte[codes.length * 2];
        for (int i = 0; i < codes.length; i++) {
            short sample = decode(codes[i]);
            out[2 * i] = (byte) sample;
            out[2 * i + 1] = (byte) (sample >> 8);
        }
        return out;
    }
}
