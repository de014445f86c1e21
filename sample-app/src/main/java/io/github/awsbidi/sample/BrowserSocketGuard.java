package io.github.awsbidi.sample;

import io.github.awsbidi.realtime.webflux.Admission;
import io.github.awsbidi.sample.security.ClientIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Cross-site WebSocket hijacking guard of the browser sockets: browsers apply no CORS to WebSockets, so a page on any
 * site could open them with the user's reach. A handshake that carries {@code Origin} (browsers always send it) must
 * come from the application's own origin or one of {@code sample.web.allowed-origins}; others get 403 before any
 * conversation starts. Server clients send no {@code Origin} and are not judged here. Each refusal goes to the
 * façade's {@link Admission} of the socket's surface ({@link SocketSurfaces}) and is counted in {@code
 * aws.bidi.admission.refused} (tagged {@code surface} and {@code reason=origin}). The same {@link Admission} holds
 * each client (the logged-in user, else the client address) to {@code sample.web.max-conversations-per-client} open
 * sockets per surface, {@code /twilio/media} included; one more gets 429 ({@code reason=session_limit}).
 */
final class BrowserSocketGuard implements WebFilter {

    /** The refusal counter the OpenAI Realtime façade reports to, shared by the sample's sockets. */
    static final String REFUSED = SocketSurfaces.REFUSED;

    private static final Logger log = LoggerFactory.getLogger(BrowserSocketGuard.class);

    private final List<String> allowedOrigins;
    private final int maxPerClient;
    private final SocketSurfaces surfaces;

    BrowserSocketGuard(WebProperties properties, ObjectProvider<MeterRegistry> meters) {
        this(properties, new SocketSurfaces(properties, meters.getIfAvailable()));
    }

    BrowserSocketGuard(WebProperties properties, SocketSurfaces surfaces) {
        this.allowedOrigins = properties.allowedOrigins();
        this.maxPerClient = properties.maxConversationsPerClient();
        this.surfaces = surfaces;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
        Admission admission =
                surfaces.forPath(request.getPath().pathWithinApplication().value());
        if (admission == null) {
            return chain.filter(exchange);
        }
        // Admission allows any origin when none is configured: the same-origin default is decided here.
        boolean allowed = origin == null
                || sameOrigin(origin, request.getHeaders())
                || (allowedOrigins.isEmpty() ? refuse(admission) : admission.originAllowed(origin));
        if (allowed) {
            return admitted(exchange, chain, admission);
        }
        log.warn(
                "Refused {} {} from origin {}: not this application's origin nor in sample.web.allowed-origins",
                request.getMethod(),
                request.getPath().value(),
                String.valueOf(origin).replaceAll("[\\r\\n]", "?"));
        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
        return exchange.getResponse().setComplete();
    }

    private Mono<Void> admitted(ServerWebExchange exchange, WebFilterChain chain, Admission admission) {
        return ClientIdentity.of(exchange).flatMap(client -> {
            Runnable ticket = admission.admit(client);
            if (ticket == null) {
                log.warn(
                        "Refused {} from {}: it already holds {} open sockets (sample.web.max-conversations-per-client)",
                        exchange.getRequest().getPath().value(),
                        client,
                        maxPerClient);
                exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
                return exchange.getResponse().setComplete();
            }
            // The upgrade's exchange completes at the handshake; the place is held until the socket's connection
            // closes.
            if (nativeRequest(exchange.getRequest()) instanceof Connection netty) {
                netty.onDispose(ticket::run);
                return chain.filter(exchange).doOnError(error -> ticket.run());
            }
            return chain.filter(exchange).doFinally(signal -> ticket.run());
        });
    }

    private static @Nullable Object nativeRequest(ServerHttpRequest request) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request);
        } catch (IllegalStateException e) {
            return null; // no server underneath (a mock)
        }
    }

    private static boolean refuse(Admission admission) {
        admission.refused("origin");
        return false;
    }

    /** Whether {@code origin} names the host the request was sent to (forwarded by a proxy, or its own). */
    static boolean sameOrigin(String origin, HttpHeaders headers) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        String forwarded = headers.getFirst("X-Forwarded-Host");
        String host = forwarded != null ? forwarded.split(",")[0].trim() : headers.getFirst(HttpHeaders.HOST);
        if (host == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return authority(scheme, uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()))
                .equals(authority(scheme, host));
    }

    private static String authority(String scheme, String hostAndPort) {
        String lower = hostAndPort.toLowerCase(Locale.ROOT);
        String defaultPort = scheme.equals("https") ? ":443" : scheme.equals("http") ? ":80" : "";
        return !defaultPort.isEmpty() && lower.endsWith(defaultPort)
                ? lower.substring(0, lower.length() - defaultPort.length())
                : lower;
    }
}
