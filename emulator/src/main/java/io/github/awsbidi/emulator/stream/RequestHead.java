package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.auth.VerifiedRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verified request line and headers of a stream.
 *
 * @param method the HTTP method
 * @param path the decoded path, without query
 * @param headers header values by lower-case name
 * @param signature the verified SigV4 signature facts
 */
public record RequestHead(String method, String path, Map<String, List<String>> headers, VerifiedRequest signature) {

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
