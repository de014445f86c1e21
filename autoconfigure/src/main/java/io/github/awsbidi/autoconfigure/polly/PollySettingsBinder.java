package io.github.awsbidi.autoconfigure.polly;

import io.github.awsbidi.autoconfigure.AwsBidiConfigurationException;
import io.github.awsbidi.autoconfigure.AwsBidiProperties;
import io.github.awsbidi.core.InvalidSettingException;
import io.github.awsbidi.polly.PollySessionSettings;
import java.util.Map;

/** A Polly session's properties as {@link PollySessionSettings}; a bad value fails naming its property. */
final class PollySettingsBinder {

    /** Settings fields by property key. */
    private static final Map<String, String> KEYS = Map.of(
            "voiceId", "voice-id",
            "engine", "engine",
            "outputFormat", "output-format",
            "sampleRate", "sample-rate",
            "languageCode", "language-code",
            "lexiconNames", "lexicon-names");

    private PollySettingsBinder() {}

    static PollySessionSettings settings(String prefix, AwsBidiProperties.PollySession properties) {
        try {
            return new PollySessionSettings(
                    String.valueOf(properties.getVoiceId()),
                    properties.getEngine(),
                    properties.getOutputFormat(),
                    properties.getSampleRate(),
                    properties.getLanguageCode(),
                    properties.getLexiconNames());
        } catch (InvalidSettingException ex) {
            String property = prefix + "." + KEYS.getOrDefault(ex.field(), ex.field());
            throw new AwsBidiConfigurationException(
                    property,
                    "Invalid value '" + ex.rejectedValue() + "' of " + property + ": it " + ex.limit() + ".",
                    "Fix " + property + ".",
                    ex);
        }
    }
}
