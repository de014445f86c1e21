package io.github.awsbidi.sample.voice;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The fake microphone's WAV file: bursts of a loud harmonic tone (speech to the emulator's energy-based detector,
 * whose threshold is an RMS of 0.02) between silences. Chromium loops the file.
 */
final class TestSignal {

    static final int RATE = 48_000;

    /** How long {@link #conversation} lasts before Chromium plays it again. */
    static final Duration LOOP = Duration.ofSeconds(10);

    private TestSignal() {}

    /**
     * A 10-second loop: silence, 1.2 s of "speech" from 0.5 s (a turn: the emulator ends it after 0.5 s of silence and
     * answers for about 2.3 s from about 2.4 s), 0.8 s more from 3.4 s (over that answer: a barge-in, then a second
     * turn, answered in full), then silence.
     */
    static Path conversation(Path directory) throws IOException {
        double[][] bursts = {{0.5, 1.7}, {3.4, 4.2}};
        return write(directory.resolve("conversation.wav"), LOOP.toMillis() / 1000.0, bursts);
    }

    static Path write(Path file, double seconds, double[][] bursts) throws IOException {
        int samples = (int) (seconds * RATE);
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            double t = i / (double) RATE;
            double value = 0;
            for (double[] burst : bursts) {
                if (t >= burst[0] && t < burst[1]) {
                    // A vowel-like sound: a 150 Hz fundamental and two harmonics, RMS about 0.2 of full scale.
                    value = 0.2 * Math.sin(2 * Math.PI * 150 * t)
                            + 0.15 * Math.sin(2 * Math.PI * 450 * t)
                            + 0.1 * Math.sin(2 * Math.PI * 750 * t);
                }
            }
            pcm.putShort((short) Math.round(value * 32767));
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes())
                .putInt(36 + samples * 2)
                .put("WAVE".getBytes())
                .put("fmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(RATE)
                .putInt(RATE * 2)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes())
                .putInt(samples * 2);
        byte[] bytes = new byte[44 + samples * 2];
        System.arraycopy(header.array(), 0, bytes, 0, 44);
        System.arraycopy(pcm.array(), 0, bytes, 44, samples * 2);
        return Files.write(file, bytes);
    }
}
