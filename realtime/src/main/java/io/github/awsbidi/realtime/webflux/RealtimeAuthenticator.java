package io.github.awsbidi.realtime.webflux;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Decides who may open a realtime socket. Given the key the client presented ({@code Authorization: Bearer <key>} or
 * the {@code openai-insecure-api-key.<key>} subprotocol; null when it sent none) and the exchange (so a Spring
 * Security principal can decide), it emits the identity the per-key session limit counts against, or completes empty
 * to refuse (HTTP 401).
 */
@FunctionalInterface
public interface RealtimeAuthenticator {

    /** The identity admitted, or empty to refuse. */
    Mono<String> authenticate(@Nullable String key, ServerWebExchange exchange);

    /**
     * Accepts exactly the given keys (compared in constant time); the identity is the key's position, {@code key-1},
     * {@code key-2}, …, so that keys never appear in metrics or logs.
     */
    static RealtimeAuthenticator keys(List<String> keys) {
        List<byte[]> accepted =
                keys.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
        return (key, exchange) -> {
            if (key == null) {
                return Mono.empty();
            }
            byte[] presented = key.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < accepted.size(); i++) {
                if (MessageDigest.isEqual(accepted.get(i), presented)) {
                    return Mono.just("key-" + (i + 1));
                }
            }
            return Mono.empty();
        };
    }
}
