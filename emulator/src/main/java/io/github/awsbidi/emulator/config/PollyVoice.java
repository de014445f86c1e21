package io.github.awsbidi.emulator.config;

import java.util.List;
import java.util.Objects;

/**
 * One Polly voice as {@code DescribeVoices} lists it.
 *
 * @param id the voice id ({@code Joanna})
 * @param gender {@code Female} or {@code Male}
 * @param languageCode the voice's language ({@code en-US})
 * @param languageName the language's English name ({@code US English})
 * @param engines the engines the voice supports ({@code standard}, {@code neural}, {@code long-form}, {@code
 *     generative})
 */
public record PollyVoice(String id, String gender, String languageCode, String languageName, List<String> engines) {

    public PollyVoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(languageCode, "languageCode");
        Objects.requireNonNull(languageName, "languageName");
        engines = List.copyOf(engines);
    }

    /** Whether the voice speaks with that engine. */
    public boolean supports(String engine) {
        return engines.contains(engine);
    }
}
