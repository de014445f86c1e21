package io.github.awsbidi.emulator.stream;

import io.netty.handler.codec.http2.Http2Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The pseudo-headers of an HTTP/2 request, split the way signature checks and routing need them. */
record RequestLine(String method, String rawPath, String rawQuery, String path) {

    static RequestLine of(Http2Headers headers) {
        String method = String.valueOf(headers.method());
        String target = headers.path() == null ? "/" : headers.path().toString();
        int query = target.indexOf('?');
        String rawPath = query < 0 ? target : target.substring(0, query);
        String rawQuery = query < 0 ? "" : target.substring(query + 1);
        return new RequestLine(
                method, rawPath, rawQuery, URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8));
    }

    /**
     * Regular headers by lower-case name. HTTP/2 carries the host as {@code :authority}; clients sign
     * it as {@code host}, so it is added back under that name.
     */
    static Map<String, List<String>> headerMap(Http2Headers headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        headers.forEach(entry -> {
            String name = entry.getKey().toString().toLowerCase(Locale.ROOT);
            if (!name.startsWith(":")) {
                map.computeIfAbsent(name, key -> new ArrayList<>())
                        .add(entry.getValue().toString());
            }
        });
        CharSequence authority = headers.authority();
        if (authority != null && !map.containsKey("host")) {
            map.put("host", List.of(authority.toString()));
        }
        return map;
    }
}
