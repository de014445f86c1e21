package io.github.awsbidi.novasonic.event;

import java.util.Objects;

/** {@code audioInputConfiguration} of the user's AUDIO block. */
public record AudioInputConfiguration(
        String mediaType, int sampleRateHertz, int sampleSizeBits, int channelCount, String audioType, String encoding)
        implements ContentConfiguration {

    public AudioInputConfiguration {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(audioType, "audioType");
        Objects.requireNonNull(encoding, "encoding");
    }

    /** 16-bit mono base64 LPCM speech at the given rate (8, 16 or 24 kHz). */
    public static AudioInputConfiguration pcm16(int sampleRateHertz) {
        return new AudioInputConfiguration("audio/lpcm", sampleRateHertz, 16, 1, "SPEECH", "base64");
    }

    @Override
    public ContentType contentType() {
        return ContentType.AUDIO;
    }
}
