package io.github.awsbidi.sample.phone;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}), as its webhook security documentation describes it: the
 * base64 HMAC-SHA1, keyed by the account's auth token, of the full URL Twilio requested (scheme, host, path and query
 * string) followed by every POST parameter sorted by name, each name immediately followed by its value. Like
 * Twilio's own validators, a URL is accepted with and without its scheme's explicit default port.
 */
final class TwilioSignature {

    /** The header Twilio sends the signature in. */
    static final String HEADER = "X-Twilio-Signature";

    private final byte[] key;

    TwilioSignature(String authToken) {
        this.key = authToken.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature of {@code url} and the POST parameters {@code params} (empty for a GET or WebSocket upgrade). */
    String sign(String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(null);
            sorted.forEach(value -> data.append(name).append(value));
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** Whether {@code signature} signs {@code url} (with or without its default port) and {@code params}. */
    boolean verify(String url, Map<String, List<String>> params, @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] given = signature.trim().getBytes(StandardCharsets.UTF_8);
        for (String candidate : List.of(url, withDefaultPort(url), withoutDefaultPort(url))) {
            // Constant time, so the comparison reveals nothing about a near miss.
            if (MessageDigest.isEqual(given, sign(candidate, params).getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    static String withDefaultPort(String url) {
        URI uri = URI.create(url);
        int port = defaultPort(uri.getScheme());
        if (uri.getPort() != -1 || port == -1) {
            return url;
        }
        int hostEnd = url.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length();
        return url.substring(0, hostEnd) + ":" + port + url.substring(hostEnd);
    }

    static String withoutDefaultPort(String url) {
        URI uri = URI.create(url);
        if (uri.getPort() == -1 || uri.getPort() != defaultPort(uri.getScheme())) {
            return url;
        }
        String suffix = ":" + uri.getPort();
        int hostEnd = url.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length();
        return url.substring(0, hostEnd - suffix.length()) + url.substring(hostEnd);
    }

    private static int defaultPort(@Nullable String scheme) {
        if (scheme == null) {
            return -1;
        }
        return switch (scheme) {
            case "https", "wss" -> 443;
            case "http", "ws" -> 80;
            default -> -1;
        };
    }
}
