package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.novasonic.InvalidNovaSonicSettingsException;
import io.github.awsbidi.novasonic.NovaSonicSettings;
import io.github.awsbidi.novasonic.event.EndpointingSensitivity;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@code aws.bidi.bedrock.sessions.<name>.nova-sonic.*} into {@link NovaSonicSettings}: unset values keep the
 * library's defaults, and a value outside what the service accepts fails startup naming its property.
 */
final class NovaSonicSettingsBinder {

    private NovaSonicSettingsBinder() {
    }

    static NovaSonicSettings settings(String prefix, AwsBidiProperties.NovaSonic properties) {
        try {
            NovaSonicSettings defaults = NovaSonicSettings.defaults();
            NovaSonicSettings.Builder builder = defaults.toBuilder();
            set(properties.getSystemPrompt(), builder::systemPrompt);
            set(properties.getVoiceId(), builder::voiceId);
            set(properties.getInputSampleRate(), builder::inputSampleRate);
            set(properties.getOutputSampleRate(), builder::outputSampleRate);
            set(properties.getMaxTokens(), builder::maxTokens);
            set(properties.getTopP(), builder::topP);
            set(properties.getTemperature(), builder::temperature);
            set(properties.getEndpointingSensitivity(),
                    value -> builder.endpointingSensitivity(EndpointingSensitivity.valueOf(value.name())));
            var renewal = properties.getRenewal();
            var renewalDefaults = defaults.renewal();
            builder.renewal(new NovaSonicSettings.Renewal(
                    or(renewal.getEnabled(), renewalDefaults.enabled()),
                    or(renewal.getThreshold(), renewalDefaults.threshold()),
                    or(renewal.getForceAfter(), renewalDefaults.forceAfter()),
                    or(renewal.getAudioReplay(), renewalDefaults.audioReplay()),
                    or(renewal.getPreOpenedIdleLimit(), renewalDefaults.preOpenedIdleLimit())));
            var recovery = properties.getRecovery();
            var recoveryDefaults = defaults.recovery();
            builder.recovery(new NovaSonicSettings.Recovery(
                    or(recovery.getEnabled(), recoveryDefaults.enabled()),
                    or(recovery.getMaxAttempts(), recoveryDefaults.maxAttempts()),
                    or(recovery.getInitialBackoff(), recoveryDefaults.initialBackoff()),
                    or(recovery.getMaxBackoff(), recoveryDefaults.maxBackoff())));
            return builder.build();
        }
        catch (InvalidNovaSonicSettingsException ex) {
            String property = prefix + "." + kebab(ex.field());
            throw new AwsBidiConfigurationException(property, "Invalid value of " + property + ": " + ex.getMessage() + ".",
                    "Change " + property + " to a value Nova Sonic accepts, or remove it to use the default.", ex);
        }
    }

    private static <T> void set(@Nullable T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static <T> T or(@Nullable T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static boolean or(@Nullable Boolean value, boolean fallback) {
        return value != null ? value : fallback;
    }

    private static Duration or(@Nullable Duration value, Duration fallback) {
        return value != null ? value : fallback;
    }

    /** {@code renewal.forceAfter} → {@code renewal.force-after}. */
    static String kebab(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
