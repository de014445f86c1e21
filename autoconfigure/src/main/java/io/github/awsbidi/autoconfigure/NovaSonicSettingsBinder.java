package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.novasonic.NovaSonicSettings;
import io.github.awsbidi.novasonic.event.EndpointingSensitivity;

/**
 * Turns {@code aws.bidi.bedrock.sessions.<name>.nova-sonic.*} into {@link NovaSonicSettings}; a value outside what
 * the service accepts fails startup naming its property.
 */
final class NovaSonicSettingsBinder {

    private NovaSonicSettingsBinder() {}

    static NovaSonicSettings settings(String prefix, AwsBidiProperties.NovaSonic properties) {
        return SettingsErrors.mapped(prefix, AwsBidiProperties.NovaSonic.class, () -> {
            AwsBidiProperties.NovaSonic.Renewal renewal = properties.getRenewal();
            AwsBidiProperties.NovaSonic.Recovery recovery = properties.getRecovery();
            AwsBidiProperties.NovaSonic.KeepAlive keepAlive = properties.getKeepAlive();
            return NovaSonicSettings.builder()
                    .systemPrompt(properties.getSystemPrompt())
                    .speechPrompt(properties.getSpeechPrompt())
                    .voiceId(properties.getVoiceId())
                    .inputSampleRate(properties.getInputSampleRate())
                    .outputSampleRate(properties.getOutputSampleRate())
                    .maxTokens(properties.getMaxTokens())
                    .topP(properties.getTopP())
                    .temperature(properties.getTemperature())
                    .endpointingSensitivity(EndpointingSensitivity.valueOf(
                            properties.getEndpointingSensitivity().name()))
                    .renewal(new NovaSonicSettings.Renewal(
                            renewal.isEnabled(),
                            renewal.getThreshold(),
                            renewal.getForceAfter(),
                            renewal.getAudioReplay(),
                            renewal.getPreOpenedIdleLimit(),
                            renewal.getCredentialsLead(),
                            renewal.getAssistantSilence()))
                    .recovery(new NovaSonicSettings.Recovery(
                            recovery.isEnabled(),
                            recovery.getMaxAttempts(),
                            recovery.getInitialBackoff(),
                            recovery.getMaxBackoff()))
                    .keepAlive(new NovaSonicSettings.KeepAlive(keepAlive.isEnabled(), keepAlive.getGap()))
                    .build();
        });
    }
}
