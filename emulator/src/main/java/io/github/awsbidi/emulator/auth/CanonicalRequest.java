package io.github.awsbidi.emulator.auth;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the SigV4 canonical request from a request as it arrived, the way the AWS SDK for Java v2
 * builds it when signing (path normalized, then URI-encoded once more: the SDK's default
 * {@code doubleUrlEncode}, which Bedrock and SageMaker keep).
 */
final class CanonicalRequest {

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private CanonicalRequest() {}

    static String of(SignedRequest request, List<String> signedHeaders, String payloadHash) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            headers.append(name).append(':');
            List<String> values = headerValues(request, name);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    headers.append(',');
                }
                appendTrimmed(headers, values.get(i));
            }
            headers.append('\n');
        }
        return request.method() + "\n" + canonicalUri(request.rawPath()) + "\n" + canonicalQuery(request.rawQuery())
                + "\n" + headers + "\n" + String.join(";", signedHeaders) + "\n" + payloadHash;
    }

    private static List<String> headerValues(SignedRequest request, String name) {
        List<String> values = request.headers().get(name);
        // HTTP/2 carries Host as :authority; accept either spelling for either name.
        if (values == null && "host".equals(name)) {
            values = request.headers().get(":authority");
        } else if (values == null && ":authority".equals(name)) {
            values = request.headers().get("host");
        }
        return (values != null) ? values : List.of();
    }

    static String canonicalUri(String rawPath) {
        if (rawPath.isEmpty() || "/".equals(rawPath)) {
            return "/";
        }
        String normalized;
        String decoded;
        try {
            URI uri = URI.create("http://localhost" + rawPath);
            normalized = uri.normalize().getRawPath();
            decoded = uri.getPath();
        } catch (IllegalArgumentException ex) {
            // Not a valid URI path: sign it as it is; the signature will simply not match.
            normalized = rawPath;
            decoded = rawPath;
        }
        String path = uriEncode(normalized, true);
        if (!path.startsWith("/")) {
            path += "/";
        }
        // Normalizing "/a/b/." leaves a trailing slash the caller did not write: the SDK drops it.
        if (path.length() > 1 && path.endsWith("/") && !decoded.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        Map<String, List<String>> params = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = percentDecode((equals < 0) ? pair : pair.substring(0, equals));
            String value = (equals < 0) ? "" : percentDecode(pair.substring(equals + 1));
            if (name.isEmpty()) {
                continue;
            }
            params.computeIfAbsent(uriEncode(name, false), key -> new ArrayList<>())
                    .add(uriEncode(value, false));
        }
        StringBuilder query = new StringBuilder();
        params.forEach((name, values) -> {
            Collections.sort(values);
            for (String value : values) {
                if (query.length() > 0) {
                    query.append('&');
                }
                query.append(name).append('=').append(value);
            }
        });
        return query.toString();
    }

    /** RFC 3986 encoding: unreserved characters stay, every other UTF-8 byte becomes %XX. */
    static String uriEncode(String value, boolean keepSlashes) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || (keepSlashes && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(UPPER_HEX[(b >> 4) & 0xf]).append(UPPER_HEX[b & 0xf]);
            }
        }
        return out.toString();
    }

    /** Decodes %XX escapes only ('+' stays '+': the SDK writes a space as %20); bad escapes stay literal. */
    static String percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && isHex(value.charAt(i + 1)) && isHex(value.charAt(i + 2))) {
                bytes.write(Integer.parseInt(value, i + 1, i + 3, 16));
                i += 3;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    encoded = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
                i++;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Trims a header value and collapses inner whitespace runs to one space, as SigV4 requires. */
    private static void appendTrimmed(StringBuilder out, String value) {
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f') {
                pendingSpace = started;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
                started = true;
            }
        }
    }
}
