package io.github.awsbidi.emulator.controlplane;

import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.config.PollyVoice;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Polly {@code DescribeVoices} ({@code GET /v1/voices}): the configured voices, filtered by the {@code Engine}
 * and {@code LanguageCode} query parameters, in one page (API reference).
 */
final class DescribeVoices {

    static final String PATH = "/v1/voices";

    private static final Set<String> ENGINES = Set.of("standard", "neural", "long-form", "generative");

    private DescribeVoices() {}

    static ControlPlaneResponse answer(EmulatorConfig config, String rawQuery) {
        Map<String, String> query = query(rawQuery);
        String engine = query.get("Engine");
        if (engine != null && !ENGINES.contains(engine)) {
            return ControlPlaneResponse.error(
                    "ValidationException",
                    "1 validation error detected: Value '" + engine
                            + "' at 'engine' failed to satisfy constraint: Member must satisfy enum value set: "
                            + ENGINES);
        }
        String language = query.get("LanguageCode");
        List<Map<String, Object>> voices = config.polly().voices().stream()
                .filter(voice -> engine == null || voice.supports(engine))
                .filter(voice -> language == null || voice.languageCode().equals(language))
                .map(DescribeVoices::voice)
                .toList();
        return ControlPlaneResponse.ok(Map.of("Voices", voices));
    }

    private static Map<String, Object> voice(PollyVoice voice) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Gender", voice.gender());
        fields.put("Id", voice.id());
        fields.put("LanguageCode", voice.languageCode());
        fields.put("LanguageName", voice.languageName());
        fields.put("Name", voice.id());
        fields.put("SupportedEngines", voice.engines());
        return fields;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }
}
