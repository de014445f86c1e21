package io.github.awsbidi.emulator.server;

import io.github.awsbidi.emulator.stream.StreamEnvironment;
import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the server needs to start.
 *
 * @param host the address to bind
 * @param port the port, 0 for a free one
 * @param sslContext TLS with ALPN when present, else h2c with prior knowledge (and HTTP/1.1)
 * @param streams what bidirectional streams share
 * @param controlPlane makes the handler for one aggregated control-plane request
 * @param idleConnectionTimeout how long a connection may carry no request before it is closed
 * @param connectionAccepted told of each accepted connection
 * @param maxConcurrentStreams the {@code SETTINGS_MAX_CONCURRENT_STREAMS} a new HTTP/2 connection advertises,
 *     read as each connection starts
 */
public record ServerSetup(
        String host,
        int port,
        @Nullable SslContext sslContext,
        StreamEnvironment streams,
        Supplier<ChannelHandler> controlPlane,
        Duration idleConnectionTimeout,
        Runnable connectionAccepted,
        IntSupplier maxConcurrentStreams) {}
