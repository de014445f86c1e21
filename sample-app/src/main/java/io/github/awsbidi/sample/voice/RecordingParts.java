package io.github.awsbidi.sample.voice;

import io.github.awsbidi.core.Frame;
import io.github.awsbidi.novasonic.audio.PcmResampler;
import java.util.List;
import java.util.Optional;

/**
 * Cuts one microphone recording into SageMaker payload parts: every piece of audio a PARTIAL part, the end of the
 * recording a COMPLETE part, so that the model container receives the recording as one WebSocket message whose
 * fragments arrive as they are spoken. The latest piece is held back until the next one comes, so that the
 * COMPLETE part carries audio rather than nothing. Audio is resampled to 16 kHz first. Not thread-safe.
 */
final class RecordingParts {

    static final int SAMPLE_RATE = 16_000;

    private final int microphoneRate;

    private PcmResampler resampler;

    private byte[] held = new byte[0];

    RecordingParts(int microphoneRate) {
        this.microphoneRate = microphoneRate;
        this.resampler = new PcmResampler(microphoneRate, SAMPLE_RATE);
    }

    /** A piece of the recording (PCM at the microphone's rate) in; the PARTIAL part now due out, if any. */
    List<Frame> audio(byte[] pcm) {
        byte[] resampled = resampler.process(pcm);
        if (resampled.length == 0) {
            return List.of();
        }
        byte[] previous = held;
        held = resampled;
        return previous.length == 0 ? List.of() : List.of(Frame.binary(previous).partial());
    }

    /** The recording ended: its COMPLETE part, unless it held no audio at all. Ready for the next recording. */
    Optional<Frame> stop() {
        byte[] tail = resampler.flush();
        byte[] last = new byte[held.length + tail.length];
        System.arraycopy(held, 0, last, 0, held.length);
        System.arraycopy(tail, 0, last, held.length, tail.length);
        held = new byte[0];
        resampler = new PcmResampler(microphoneRate, SAMPLE_RATE);
        return last.length == 0 ? Optional.empty() : Optional.of(Frame.binary(last));
    }
}
