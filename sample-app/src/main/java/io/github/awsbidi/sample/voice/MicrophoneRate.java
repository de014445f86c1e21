package io.github.awsbidi.sample.voice;

import java.net.URI;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The sample rate of the page's microphone audio, from the WebSocket URL's {@code rate} query parameter: the rate of
 * the browser's audio context (usually 48 kHz), which the server resamples to what the session hears.
 *
 * @param hertz samples per second, from {@value #MIN} to {@value #MAX}
 */
record MicrophoneRate(int hertz) {

    static final int MIN = 8_000;

    static final int MAX = 192_000;

    MicrophoneRate {
        if (hertz < MIN || hertz > MAX) {
            throw new IllegalArgumentException("rate must be from " + MIN + " to " + MAX + " Hz, got " + hertz);
        }
    }

    /** The rate named by {@code uri}'s {@code rate} parameter, 48 kHz when absent. */
    static MicrophoneRate of(URI uri) {
        String value =
                UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("rate");
        if (value == null) {
            return new MicrophoneRate(48_000);
        }
        try {
            return new MicrophoneRate(Integer.parseInt(value));
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("rate must be an integer number of Hz, got '" + value + "'");
        }
    }
}
