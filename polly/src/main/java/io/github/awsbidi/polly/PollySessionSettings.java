package io.github.awsbidi.polly;

import io.github.awsbidi.core.InvalidSettingException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a Polly session asks for: the request headers of {@code StartSpeechSynthesisStream} (Polly API reference).
 * Checked when built, so a wrong engine or format fails before any stream opens, naming the field.
 *
 * @param voiceId the voice, e.g. {@code Joanna} ({@code x-amzn-VoiceId})
 * @param engine the engine; the operation accepts {@code generative} only ({@code x-amzn-Engine})
 * @param outputFormat {@code pcm}, {@code mp3}, {@code ogg_vorbis}, {@code ogg_opus}, {@code mulaw} or {@code alaw}
 *     ({@code x-amzn-OutputFormat})
 * @param sampleRate the sample rate in Hz, or {@code null} for Polly's default of the format ({@code
 *     x-amzn-SampleRate})
 * @param languageCode the language of a bilingual voice, or {@code null} ({@code x-amzn-LanguageCode})
 * @param lexiconNames the pronunciation lexicons to apply, at most 5 ({@code x-amzn-LexiconNames})
 */
public record PollySessionSettings(
        String voiceId,
        String engine,
        String outputFormat,
        @Nullable Integer sampleRate,
        @Nullable String languageCode,
        List<String> lexiconNames) {

    /** The only engine the operation accepts. */
    public static final String GENERATIVE = "generative";

    /** Polly applies at most this many lexicons to one request (API reference, {@code LexiconNames}). */
    public static final int MAX_LEXICONS = 5;

    /** Sample rates Polly accepts per output format (API reference, {@code SampleRate}). */
    public static final Map<String, List<Integer>> SAMPLE_RATES = Map.of(
            "pcm", List.of(8000, 16000),
            "mp3", List.of(8000, 16000, 22050, 24000, 44100, 48000),
            "ogg_vorbis", List.of(8000, 16000, 22050, 24000, 44100, 48000),
            "ogg_opus", List.of(48000),
            "mulaw", List.of(8000),
            "alaw", List.of(8000));

    public PollySessionSettings {
        InvalidSettingException.require(
                voiceId != null && !voiceId.isBlank(), "voiceId", voiceId, "must name a Polly voice, e.g. Joanna");
        InvalidSettingException.require(
                GENERATIVE.equals(engine),
                "engine",
                engine,
                "must be generative (StartSpeechSynthesisStream accepts only the generative engine)");
        InvalidSettingException.require(
                outputFormat != null && SAMPLE_RATES.containsKey(outputFormat),
                "outputFormat",
                outputFormat,
                "must be one of pcm, mp3, ogg_vorbis, ogg_opus, mulaw, alaw");
        if (sampleRate != null) {
            List<Integer> rates = SAMPLE_RATES.getOrDefault(outputFormat, List.of());
            InvalidSettingException.require(
                    rates.contains(sampleRate),
                    "sampleRate",
                    sampleRate,
                    "must be one of " + rates + " for " + outputFormat);
        }
        lexiconNames = List.copyOf(Objects.requireNonNull(lexiconNames, "lexiconNames"));
        InvalidSettingException.require(
                lexiconNames.size() <= MAX_LEXICONS, "lexiconNames", lexiconNames, "must name at most 5 lexicons");
    }

    /** PCM at 16 kHz from {@code voiceId} with the generative engine. */
    public static PollySessionSettings of(String voiceId) {
        return new PollySessionSettings(voiceId, GENERATIVE, "pcm", 16000, null, List.of());
    }

    /** The sample rate of the audio: the one set, else Polly's default for the format. */
    public int effectiveSampleRate() {
        if (sampleRate != null) {
            return sampleRate;
        }
        return switch (outputFormat) {
            case "pcm" -> 16000;
            case "mulaw", "alaw" -> 8000;
            case "ogg_opus" -> 48000;
            default -> 24000;
        };
    }

    public PollySessionSettings withOutputFormat(String format, @Nullable Integer rate) {
        return new PollySessionSettings(voiceId, engine, format, rate, languageCode, lexiconNames);
    }

    public PollySessionSettings withLanguageCode(@Nullable String code) {
        return new PollySessionSettings(voiceId, engine, outputFormat, sampleRate, code, lexiconNames);
    }

    public PollySessionSettings withLexiconNames(List<String> names) {
        return new PollySessionSettings(voiceId, engine, outputFormat, sampleRate, languageCode, names);
    }
}
