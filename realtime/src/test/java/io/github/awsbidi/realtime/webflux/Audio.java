package io.github.awsbidi.realtime.webflux;

/** Test audio, 16-bit little-endian mono PCM: a loud tone stands for speech, zeros for silence. */
final class Audio {

    private Audio() {}

    static byte[] speech(int rate, double seconds) {
        int samples = (int) Math.round(rate * seconds);
        byte[] pcm = new byte[2 * samples];
        for (int i = 0; i < samples; i++) {
            short sample = (short) Math.round(0.3 * 32767 * Math.sin(2 * Math.PI * 220 * i / rate));
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        return pcm;
    }

    static byte[] silence(int rate, double seconds) {
        return new byte[2 * (int) Math.round(rate * seconds)];
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
