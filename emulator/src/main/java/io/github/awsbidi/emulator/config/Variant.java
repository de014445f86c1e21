package io.github.awsbidi.emulator.config;

import java.net.URI;
import java.util.Objects;

/**
 * One production variant of a SageMaker endpoint and the model container behind it.
 *
 * @param name the variant name, reported in {@code X-Amzn-Invoked-Production-Variant}
 * @param container a built-in container id ({@code echo}, {@code transcribe-sim}) or a {@code ws://} URL
 *     of a real model container
 */
public record Variant(String name, String container) {

    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(container, "container");
        if (!isExternal(container) && !container.equals("echo") && !container.equals("transcribe-sim")) {
            throw new IllegalArgumentException("variant '" + name + "': container must be 'echo', "
                    + "'transcribe-sim' or a ws:// URL, was '" + container + "'");
        }
    }

    /** Whether the container is a user's own server rather than a built-in one. */
    public boolean external() {
        return isExternal(container);
    }

    /** The external container's base URI; only for {@link #external()} variants. */
    public URI externalUri() {
        return URI.create(container);
    }

    private static boolean isExternal(String container) {
        return container.startsWith("ws://") || container.startsWith("wss://");
    }
}
