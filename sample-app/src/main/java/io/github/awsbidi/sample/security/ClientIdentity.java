package io.github.awsbidi.sample.security;

import java.net.InetSocketAddress;
import java.security.Principal;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whom the per-client cost limits count: the logged-in user when there is one (Spring Security's principal), else the
 * client address (the anonymous local user on loopback, and Twilio's media streams, judged by their signature).
 */
public final class ClientIdentity {

    private ClientIdentity() {}

    /** {@code user <name>} for a logged-in user, else the client's address ({@code unknown} when there is none). */
    public static Mono<String> of(ServerWebExchange exchange) {
        return exchange.<Principal>getPrincipal()
                .filter(principal -> !(principal instanceof LoopbackAuthentication))
                .map(principal -> "user " + principal.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> address(exchange)));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }
}
