package io.github.awsbidi.emulator.container;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/** Builds the WebSocket URL SageMaker opens to a container. */
final class ContainerUris {

    static final String DEFAULT_INVOCATION_PATH = "invocations-bidirectional-stream";

    private ContainerUris() {}

    /**
     * {@code ws://host:port/<invocationPath>[?<queryString>]}: the invocation path replaces any path
     * of {@code baseUri}, the query string (already URL-encoded, as the SageMaker header carries it)
     * is appended as is.
     */
    static URI invocationUri(URI baseUri, @Nullable String invocationPath, @Nullable String queryString) {
        String scheme = baseUri.getScheme();
        if (scheme == null || !scheme.equalsIgnoreCase("ws")) {
            throw new IllegalArgumentException("baseUri must be ws://host:port, was " + baseUri);
        }
        if (baseUri.getHost() == null) {
            throw new IllegalArgumentException("baseUri has no host: " + baseUri);
        }
        String path = invocationPath == null || invocationPath.isBlank()
                ? DEFAULT_INVOCATION_PATH
                : stripLeading(invocationPath, '/');
        String query = queryString == null ? "" : stripLeading(queryString, '?');
        int port = baseUri.getPort() < 0 ? 80 : baseUri.getPort();
        String uri = "ws://" + baseUri.getHost() + ":" + port + "/" + path + (query.isEmpty() ? "" : "?" + query);
        try {
            return URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invocationPath '" + invocationPath + "' and queryString '" + queryString
                            + "' do not form a valid URL: " + e.getMessage(),
                    e);
        }
    }

    private static String stripLeading(String value, char c) {
        int start = 0;
        while (start < value.length() && value.charAt(start) == c) {
            start++;
        }
        return value.substring(start);
    }
}
