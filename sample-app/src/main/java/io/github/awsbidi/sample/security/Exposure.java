package io.github.awsbidi.sample.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Whether the sample is reachable from other machines: it is unless {@code server.address} is a loopback address
 * (unset, Boot listens on every address). A request counts as local only when the sample listens on loopback, the
 * connection comes from loopback and no proxy or tunnel forwarded it ({@code Forwarded}, {@code X-Forwarded-For},
 * {@code X-Forwarded-Host} or {@code X-Real-IP} present: the caller may be anywhere) and its {@code Host} names the
 * loopback ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}): a page whose own name was rebound to 127.0.0.1 (DNS
 * rebinding) sends its own name and must log in. A forward-headers strategy
 * ({@code server.forward-headers-strategy} other than {@code none}) says a proxy is in front and lets it rewrite the
 * client address and remove those headers, so then no request is local.
 *
 * @param serverAddress {@code server.address} as configured; null when unset
 * @param loopbackOnly whether the server listens on a loopback address only
 * @param behindProxy whether a forward-headers strategy is set
 */
record Exposure(@Nullable String serverAddress, boolean loopbackOnly, boolean behindProxy) {

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    /** Headers a proxy or tunnel adds: their presence means the caller is not this machine's user. */
    static final List<String> FORWARDING_HEADERS =
            List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP");

    /**
     * The exposure of a server configured with {@code server.address} and {@code server.forward-headers-strategy}
     * (null or blank when unset).
     */
    static Exposure of(@Nullable String serverAddress, @Nullable String forwardHeadersStrategy) {
        boolean behindProxy = forwardHeadersStrategy != null
                && !forwardHeadersStrategy.isBlank()
                && !forwardHeadersStrategy.strip().toLowerCase(Locale.ROOT).equals("none");
        if (serverAddress == null || serverAddress.isBlank()) {
            return new Exposure(null, false, behindProxy);
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(serverAddress.strip()).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            loopback = false;
        }
        return new Exposure(serverAddress.strip(), loopback, behindProxy);
    }

    /** Whether other machines can reach the sample (so that credentials are required). */
    boolean exposed() {
        return !loopbackOnly || behindProxy;
    }

    /** Whether {@code request} comes from this machine's user: loopback to a loopback-only server, not forwarded. */
    boolean local(ServerHttpRequest request) {
        if (exposed()) {
            return false;
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null
                || remote.getAddress() == null
                || !remote.getAddress().isLoopbackAddress()) {
            return false;
        }
        for (String header : FORWARDING_HEADERS) {
            if (request.getHeaders().getFirst(header) != null) {
                return false;
            }
        }
        InetSocketAddress host = request.getHeaders().getHost();
        return host != null && loopbackName(host.getHostString());
    }

    /** Whether a {@code Host} header's host is a name or literal of the loopback address. */
    static boolean loopbackName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost")
                || name.equals("::1")
                || name.equals("0:0:0:0:0:0:0:1")
                || LOOPBACK_V4.matcher(name).matches();
    }
}
