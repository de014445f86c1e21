package io.github.awsbidi.novasonic;

import io.github.awsbidi.novasonic.audio.Pcm16;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** 16 kHz test audio: a loud tone stands for speech, zeros for silence. */
final class Speech {

    static final int RATE = 16_000;

    private Speech() {}

    static byte[] speech(double seconds) {
        short[] samples = new short[(int) Math.round(RATE * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(0.3 * 32767 * Math.sin(2 * Math.PI * 220 * i / RATE));
        }
        return Pcm16.toBytes(samples);
    }

    static byte[] silence(double seconds) {
        return new byte[2 * (int) Math.round(RATE * seconds)];
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The audio cut into 32 ms pieces, as a microphone delivers it. */
    static List<byte[]> pieces(byte[] pcm) {
        List<byte[]> pieces = new ArrayList<>();
        for (int offset = 0; offset < pcm.length; offset += 1024) {
            byte[] piece = new byte[Math.min(1024, pcm.length - offset)];
            System.arraycopy(pcm, offset, piece, 0, piece.length);
            pieces.add(piece);
        }
        return pieces;
    }
}
