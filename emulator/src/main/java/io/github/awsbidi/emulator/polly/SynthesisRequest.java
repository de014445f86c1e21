package io.github.awsbidi.emulator.polly;

import io.github.awsbidi.emulator.config.PollyOptions;
import io.github.awsbidi.emulator.config.PollyVoice;
import io.github.awsbidi.emulator.stream.RequestHead;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated request headers of one stream.
 *
 * @param voice the voice
 * @param format the output format
 * @param sampleRate the sample rate in Hz
 */
record SynthesisRequest(PollyVoice voice, OutputFormat format, int sampleRate) {

    /**
     * Sample rates per output format, first the default (Polly API reference, {@code SampleRate}; the generative
     * engine's default for mp3 and ogg_vorbis is 24000).
     */
    private static final Map<OutputFormat, List<Integer>> RATES = Map.of(
            OutputFormat.PCM, List.of(16000, 8000),
            OutputFormat.MULAW, List.of(8000),
            OutputFormat.ALAW, List.of(8000));

    /** Reads the headers; the message of the thrown exception is the one Polly's {@code ValidationException} carries. */
    static SynthesisRequest of(RequestHead head, PollyOptions options) {
        String engine = head.header("x-amzn-Engine").orElse("");
        if (!engine.equals("generative")) {
            throw new IllegalArgumentException(
                    engine.isEmpty()
                            ? "1 validation error detected: Value null at 'engine' failed to satisfy constraint: Member must not be null"
                            : "StartSpeechSynthesisStream supports only the generative engine; got engine '" + engine
                                    + "'");
        }
        String voiceId = head.header("x-amzn-VoiceId").orElse("");
        if (voiceId.isEmpty()) {
            throw new IllegalArgumentException(
                    "1 validation error detected: Value null at 'voiceId' failed to satisfy constraint: Member must not be null");
        }
        Optional<PollyVoice> voice = options.voice(voiceId);
        if (voice.isEmpty()) {
            throw new IllegalArgumentException("1 validation error detected: Value '" + voiceId
                    + "' at 'voiceId' failed to satisfy constraint: Member must satisfy enum value set");
        }
        if (!voice.get().supports(engine)) {
            throw new IllegalArgumentException("This voice does not support the selected engine: " + engine);
        }
        String formatName = head.header("x-amzn-OutputFormat").orElse("");
        if (formatName.isEmpty()) {
            throw new IllegalArgumentException(
                    "1 validation error detected: Value null at 'outputFormat' failed to satisfy constraint: Member must not be null");
        }
        OutputFormat format = OutputFormat.of(formatName)
                .orElseThrow(() -> new IllegalArgumentException("1 validation error detected: Value '" + formatName
                        + "' at 'outputFormat' failed to satisfy constraint: Member must satisfy enum value set: "
                        + OutputFormat.names()));
        List<Integer> rates = RATES.get(format);
        if (rates == null) {
            throw new IllegalArgumentException("The emulator synthesises pcm, mulaw and alaw; it does not encode "
                    + formatName + " (AWS accepts it)");
        }
        String rateText = head.header("x-amzn-SampleRate").orElse("");
        int rate;
        try {
            rate = rateText.isEmpty() ? rates.get(0) : Integer.parseInt(rateText);
        } catch (NumberFormatException e) {
            rate = -1;
        }
        if (!rates.contains(rate)) {
            throw new IllegalArgumentException(
                    "Sample rate " + rateText + " is not valid for output format " + formatName + "; valid: " + rates);
        }
        return new SynthesisRequest(voice.get(), format, rate);
    }
}
