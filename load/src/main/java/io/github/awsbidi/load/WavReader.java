package io.github.awsbidi.load;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** The PCM data of a RIFF/WAVE file, which must be 16 kHz, 16-bit, mono PCM: what the targets take. */
final class WavReader {

    private static final int PCM = 1;

    private WavReader() {}

    static byte[] pcm16kMono(byte[] file, String name) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12
                || !ascii(file, 0).equals("RIFF")
                || !ascii(file, 8).equals("WAVE")) {
            throw new InvalidOptionException("--audio", name + " is not a RIFF/WAVE file");
        }
        int position = 12;
        boolean formatSeen = false;
        while (position + 8 <= file.length) {
            String id = ascii(file, position);
            long size = in.getInt(position + 4) & 0xFFFF_FFFFL;
            int body = position + 8;
            if (id.equals("fmt ")) {
                int format = in.getShort(body) & 0xFFFF;
                int channels = in.getShort(body + 2) & 0xFFFF;
                int rate = in.getInt(body + 4);
                int bits = in.getShort(body + 14) & 0xFFFF;
                if (format != PCM || channels != 1 || rate != AudioClip.SAMPLE_RATE || bits != 16) {
                    throw new InvalidOptionException(
                            "--audio",
                            name + " must be 16000 Hz, 16-bit, mono PCM; it is " + rate + " Hz, " + bits + "-bit, "
                                    + channels + " channel(s), format " + format);
                }
                formatSeen = true;
            } else if (id.equals("data")) {
                if (!formatSeen) {
                    throw new InvalidOptionException("--audio", name + " has its data before its fmt chunk");
                }
                int length = (int) Math.min(size, file.length - body);
                if (length < AudioClip.FRAME_BYTES) {
                    throw new InvalidOptionException(
                            "--audio",
                            name + " holds less than one 32 ms frame (" + AudioClip.FRAME_BYTES + " bytes) of audio");
                }
                byte[] pcm = new byte[length];
                System.arraycopy(file, body, pcm, 0, length);
                return pcm;
            }
            position = (int) Math.min(file.length, body + size + (size & 1));
        }
        throw new InvalidOptionException("--audio", name + " has no data chunk");
    }

    private static String ascii(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }
}
