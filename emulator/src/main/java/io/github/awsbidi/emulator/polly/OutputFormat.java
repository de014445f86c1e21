package io.github.awsbidi.emulator.polly;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The output formats of the SDK's {@code OutputFormat} enum, less {@code json} (speech marks, not streamed). */
enum OutputFormat {
    PCM("pcm"),
    MP3("mp3"),
    OGG_VORBIS("ogg_vorbis"),
    OGG_OPUS("ogg_opus"),
    MULAW("mulaw"),
    ALAW("alaw");

    private final String wireName;

    OutputFormat(String wireName) {
        this.wireName = wireName;
    }

    static Optional<OutputFormat> of(String name) {
        return Arrays.stream(values())
                .filter(format -> format.wireName.equals(name))
                .findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(format -> format.wireName).toList();
    }

    /** 16-bit little-endian PCM in this format (G.711 for mulaw and alaw, one byte per sample). */
    byte[] encode(byte[] pcm) {
        return switch (this) {
            case PCM -> pcm;
            case MULAW, ALAW -> {
                byte[] out = new byte[pcm.length / 2];
                for (int i = 0; i < out.length; i++) {
                    short sample = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
                    out[i] = this == MULAW ? G711.mulaw(sample) : G711.alaw(sample);
                }
                yield out;
            }
            default -> throw new IllegalStateException("no encoder for " + wireName);
        };
    }
}
