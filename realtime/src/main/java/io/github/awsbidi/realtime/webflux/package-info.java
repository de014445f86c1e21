/**
 * The {@code /v1/realtime} WebSocket endpoint on Spring WebFlux: the handshake (model selection, authentication,
 * admission) and the socket that drives a {@link io.github.awsbidi.realtime.RealtimeSession}, held to the cost limits
 * of {@link io.github.awsbidi.realtime.webflux.SocketLimits}, which an application can apply to its own sockets.
 */
@NullMarked
package io.github.awsbidi.realtime.webflux;

import org.jspecify.annotations.NullMarked;
