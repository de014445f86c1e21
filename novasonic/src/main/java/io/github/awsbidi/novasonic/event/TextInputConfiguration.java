package io.github.awsbidi.novasonic.event;

import java.util.Objects;

/** {@code textInputConfiguration} of a TEXT block (also nested in a tool result's configuration). */
public record TextInputConfiguration(String mediaType) implements ContentConfiguration {

    /** {@code {"mediaType":"text/plain"}}. */
    public static final TextInputConfiguration TEXT_PLAIN = new TextInputConfiguration("text/plain");

    public TextInputConfiguration {
        Objects.requireNonNull(mediaType, "mediaType");
    }

    @Override
    public ContentType contentType() {
        return ContentType.TEXT;
    }
}
