package io.github.awsbidi.novasonic.audio;

/**
 * G.711 μ-law (ITU-T Recommendation G.711, the μ-law tables), the 8-bit companded audio of North American and
 * Japanese telephony and of Twilio Media Streams ({@code audio/x-mulaw}, 8000 Hz). Each 16-bit PCM sample maps to
 * one byte: a sign bit, a 3-bit segment and a 4-bit step, all bits inverted on the line.
 *
 * <p>G.711 defines μ-law on a 14-bit uniform scale (decoder outputs 0 to ±8031); this class works on 16-bit PCM,
 * that scale times four, so that decoded values run from -32124 to 32124 and {@code 0xFF} and {@code 0x7F} are
 * the two zeros. Encoding clips magnitudes above 32635 (G.711's overload point, 8159, times four, less the bias);
 * decoding then encoding a byte returns it, except that negative zero {@code 0x7F} comes back as {@code 0xFF}.
 */
public final class MuLaw {

    /** The sample rate G.711 is defined at, in Hz. */
    public static final int SAMPLE_RATE = 8_000;

    /** The μ-law byte of digital silence (positive zero). */
    public static final byte SILENCE = (byte) 0xFF;

    // G.711's μ-law segments are binary steps of a magnitude biased by 33 on the 14-bit scale (132 on 16 bits).
    private static final int BIAS = 0x84;
    private static final int CLIP = 32_635;
    private static final short[] DECODED = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            DECODED[code] = expand(code);
        }
    }

    private MuLaw() {}

    /** The μ-law byte of one 16-bit sample. */
    public static byte encode(short sample) {
        int value = sample;
        int sign = 0;
        if (value < 0) {
            sign = 0x80;
            value = -value;
        }
        value = Math.min(value, CLIP) + BIAS;
        // The segment is the position of the highest set bit above the step's 4 bits (bits 7 to 14).
        int segment = 7;
        for (int mask = 0x4000; (value & mask) == 0 && segment > 0; mask >>= 1) {
            segment--;
        }
        int step = (value >> (segment + 3)) & 0x0F;
        return (byte) ~(sign | segment << 4 | step);
    }

    /** The 16-bit sample a μ-law byte stands for. */
    public static short decode(byte code) {
        return DECODED[code & 0xFF];
    }

    /** μ-law bytes of 16-bit little-endian PCM, one per sample; a trailing odd byte is ignored. */
    public static byte[] encode(byte[] pcm16) {
        byte[] codes = new byte[pcm16.length / Pcm16.BYTES_PER_SAMPLE];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = encode((short) ((pcm16[2 * i] & 0xff) | (pcm16[2 * i + 1] << 8)));
        }
        return codes;
    }

    /** 16-bit little-endian PCM of μ-law bytes, two bytes per sample. */
    public static byte[] decode(byte[] codes) {
        byte[] pcm = new byte[codes.length * Pcm16.BYTES_PER_SAMPLE];
        for (int i = 0; i < codes.length; i++) {
            short sample = DECODED[codes[i] & 0xFF];
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        return pcm;
    }

    private static short expand(int code) {
        int bits = ~code & 0xFF;
        int segment = (bits >> 4) & 0x07;
        int step = bits & 0x0F;
        // The middle of the step's interval: (2 × step + 33) × 2^segment on the 14-bit scale, less the bias.
        int magnitude = (((step << 3) + BIAS) << segment) - BIAS;
        return (short) ((bits & 0x80) != 0 ? -magnitude : magnitude);
    }
}
