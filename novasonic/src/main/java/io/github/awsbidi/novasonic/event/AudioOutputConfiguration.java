package io.github.awsbidi.novasonic.event;

import java.util.Objects;

/** {@code promptStart.audioOutputConfiguration}: the format and voice of the assistant's speech. */
public record AudioOutputConfiguration(
        String mediaType,
        int sampleRateHertz,
        int sampleSizeBits,
        int channelCount,
        String voiceId,
        String encoding,
        String audioType) {

    public AudioOutputConfiguration {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(voiceId, "voiceId");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(audioType, "audioType");
    }

    /** 16-bit mono base64 LPCM speech at the given rate and voice: the only format the service offers. */
    public static AudioOutputConfiguration pcm16(int sampleRateHertz, String voiceId) {
        return new AudioOutputConfiguration("audio/lpcm", sampleRateHertz, 16, 1, voiceId, "base64", "SPEECH");
    }
}
