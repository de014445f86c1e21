package io.github.awsbidi.sample.security;

import java.net.InetSocketAddress;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets the local user in without credentials: a request that {@link Exposure#local} accepts and that no credentials
 * authenticated goes on as {@link LoopbackAuthentication}. Any other request must log in.
 */
final class LocalAccessFilter implements WebFilter {

    private final Exposure exposure;

    LocalAccessFilter(Exposure exposure) {
        this.exposure = exposure;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (!exposure.local(exchange.getRequest()) || remote == null) {
            return chain.filter(exchange);
        }
        String address = remote.getAddress().getHostAddress();
        return ReactiveSecurityContextHolder.getContext()
                .filter(context -> context.getAuthentication() != null)
                .hasElement()
                .flatMap(authenticated -> authenticated
                        ? chain.filter(exchange)
                        : chain.filter(exchange)
                                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(
                                        new LoopbackAuthentication(address))));
    }
}
