package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.novasonic.NovaSonicSettings;

/**
 * Changes the Nova Sonic settings of a Bedrock session's {@code <name>NovaSonic} bean beyond what properties
 * express: tools with handlers, chat history, a tool choice. Applied in {@code @Order}.
 */
@FunctionalInterface
public interface NovaSonicCustomizer {

    /** Customizes the settings of the session named {@code sessionName}. */
    void customize(String sessionName, NovaSonicSettings.Builder settings);
}
