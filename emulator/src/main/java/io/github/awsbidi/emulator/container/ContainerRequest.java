package io.github.awsbidi.emulator.container;

/**
 * The WebSocket upgrade request a built-in container accepted, which its model can report.
 *
 * @param path the request path, e.g. {@code /invocations-bidirectional-stream}
 * @param query the raw query string without {@code ?}, empty when there is none
 */
record ContainerRequest(String path, String query) {

    static ContainerRequest fromUri(String uri) {
        int question = uri.indexOf('?');
        return question < 0
                ? new ContainerRequest(uri, "")
                : new ContainerRequest(uri.substring(0, question), uri.substring(question + 1));
    }
}
