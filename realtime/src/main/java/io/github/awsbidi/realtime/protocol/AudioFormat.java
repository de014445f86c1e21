package io.github.awsbidi.realtime.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A GA audio format: {@code audio/pcm} (16-bit little-endian mono at 24 kHz, the only rate the protocol allows),
 * {@code audio/pcmu} (G.711 µ-law, 8 kHz) or {@code audio/pcma} (G.711 A-law, 8 kHz).
 *
 * @param type {@code audio/pcm}, {@code audio/pcmu} or {@code audio/pcma}
 * @param rate 24000 for {@code audio/pcm}, absent for the G.711 formats
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AudioFormat(String type, @Nullable Integer rate) {

    /** {@code audio/pcm} at 24 kHz, the protocol's default. */
    public static final AudioFormat PCM = new AudioFormat("audio/pcm", 24_000);

    /** {@code audio/pcmu}, 8 kHz. */
    public static final AudioFormat PCMU = new AudioFormat("audio/pcmu", null);

    /** {@code audio/pcma}, 8 kHz. */
    public static final AudioFormat PCMA = new AudioFormat("audio/pcma", null);

    /** The sample rate of the audio on the wire, which is also the rate Nova Sonic is asked for: no resampling. */
    public int sampleRate() {
        return "audio/pcm".equals(type) ? 24_000 : 8_000;
    }

    /** Whether the format is G.711 µ-law. */
    public boolean muLaw() {
        return "audio/pcmu".equals(type);
    }

    /** Whether the format is G.711 A-law. */
    public boolean aLaw() {
        return "audio/pcma".equals(type);
    }
}
