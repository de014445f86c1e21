/**
 * The {@code /v1/realtime} WebSocket endpoint on Spring WebFlux: the handshake (model selection, authentication,
 * admission) and the socket that drives a {@link io.github.awsbidi.realtime.RealtimeSession}.
 */
@NullMarked
package io.github.awsbidi.realtime.webflux;

import org.jspecify.annotations.NullMarked;
