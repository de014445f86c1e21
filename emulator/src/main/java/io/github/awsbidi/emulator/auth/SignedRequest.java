package io.github.awsbidi.emulator.auth;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What SigV4 covers of an HTTP request, as it arrived. For HTTP/2, pass {@code :authority} as
 * {@code host} (the SDK signs {@code host}; HTTP/2 carries it as {@code :authority}); the verifier
 * also falls back to a {@code :authority} entry.
 *
 * @param method HTTP method, e.g. {@code POST}
 * @param rawPath path exactly as on the wire, still percent-encoded
 * @param rawQuery query string exactly as on the wire without the {@code ?}, empty if none
 * @param headers header values by lower-case name
 * @param body the whole body for a non-streaming call, empty for an event-stream call (its
 *     events are verified one by one through {@link VerifiedRequest#chunkChain()})
 */
public record SignedRequest(
        String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, by lower-case name. */
    public Optional<String> header(String lowerCaseName) {
        List<String> values = this.headers.get(lowerCaseName);
        return (values == null || values.isEmpty()) ? Optional.empty() : Optional.of(values.get(0));
    }
}
