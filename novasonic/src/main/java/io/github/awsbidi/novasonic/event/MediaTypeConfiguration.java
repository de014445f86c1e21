package io.github.awsbidi.novasonic.event;

import java.util.Objects;

/** A configuration that only names a media type: {@code textOutputConfiguration}, {@code toolUseOutputConfiguration}. */
public record MediaTypeConfiguration(String mediaType) {

    /** {@code {"mediaType":"text/plain"}}. */
    public static final MediaTypeConfiguration TEXT_PLAIN = new MediaTypeConfiguration("text/plain");

    /** {@code {"mediaType":"application/json"}}. */
    public static final MediaTypeConfiguration APPLICATION_JSON = new MediaTypeConfiguration("application/json");

    public MediaTypeConfiguration {
        Objects.requireNonNull(mediaType, "mediaType");
    }
}
