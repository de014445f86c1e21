package io.github.awsbidi.emulator.container;

import java.io.IOException;
import java.net.URI;

/**
 * The WebSocket connection to a model container could not be established (refused, handshake
 * rejected, or not finished in time). SageMaker answers such a call with a 424 {@code ModelError}
 * "Failed to establish WebSocket connection".
 */
public final class ContainerConnectException extends IOException {

    private static final long serialVersionUID = 1L;

    private final URI uri;

    ContainerConnectException(URI uri, String detail, Throwable cause) {
        super("Failed to establish WebSocket connection to " + uri + ": " + detail, cause);
        this.uri = uri;
    }

    ContainerConnectException(URI uri, String detail) {
        super("Failed to establish WebSocket connection to " + uri + ": " + detail);
        this.uri = uri;
    }

    /** The WebSocket URL that was tried. */
    public URI uri() {
        return uri;
    }
}
