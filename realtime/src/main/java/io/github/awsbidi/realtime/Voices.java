package io.github.awsbidi.realtime;

import java.util.Locale;
import java.util.Map;

/**
 * OpenAI voice names to Nova Sonic voices: the voices OpenAI describes as feminine map to {@code tiffany}, the
 * masculine ones to {@code matthew} ({@code sage} to the British {@code amy}); any other name is taken as a Nova
 * Sonic voice id as it is.
 */
public final class Voices {

    private static final Map<String, String> OPENAI_TO_NOVA = Map.ofEntries(
            Map.entry("alloy", "tiffany"),
            Map.entry("ash", "matthew"),
            Map.entry("ballad", "matthew"),
            Map.entry("coral", "tiffany"),
            Map.entry("echo", "matthew"),
            Map.entry("sage", "amy"),
            Map.entry("shimmer", "tiffany"),
            Map.entry("verse", "matthew"),
            Map.entry("marin", "tiffany"),
            Map.entry("cedar", "matthew"));

    private Voices() {}

    /** The Nova Sonic voice for an OpenAI voice name or a Nova Sonic voice id. */
    public static String novaVoice(String voice) {
        String key = voice.toLowerCase(Locale.ROOT);
        return OPENAI_TO_NOVA.getOrDefault(key, key);
    }
}
