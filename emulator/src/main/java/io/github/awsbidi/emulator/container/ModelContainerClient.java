package io.github.awsbidi.emulator.container;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Opens WebSocket connections to a model container the way SageMaker does behind a
 * bidirectional-streaming endpoint: {@code ws://host:port/invocations-bidirectional-stream}, the
 * invocation path replacing the path and the query string appended; no extensions, no compression.
 * The group must be an NIO event loop group.
 */
public final class ModelContainerClient {

    private static final int MAX_HANDSHAKE_RESPONSE_BYTES = 64 * 1024;

    private ModelContainerClient() {}

    /**
     * Connects with SageMaker's defaults ({@link ContainerClientOptions#defaults()}).
     *
     * @param baseUri {@code ws://host:port}; any path is ignored
     * @param invocationPath the {@code X-Amzn-SageMaker-Model-Invocation-Path}, or null for
     *     {@code invocations-bidirectional-stream}
     * @param queryString the {@code X-Amzn-SageMaker-Model-Query-String} (URL-encoded), or null
     * @param connectTimeout bound on TCP connect plus WebSocket handshake
     * @return completes with the open connection, or fails with {@link ContainerConnectException}
     */
    public static CompletableFuture<ContainerConnection> connect(
            EventLoopGroup group,
            URI baseUri,
            @Nullable String invocationPath,
            @Nullable String queryString,
            ContainerListener listener,
            Duration connectTimeout) {
        return connect(
                group,
                baseUri,
                invocationPath,
                queryString,
                listener,
                connectTimeout,
                ContainerClientOptions.defaults());
    }

    /** As {@link #connect(EventLoopGroup, URI, String, String, ContainerListener, Duration)}, with explicit options. */
    public static CompletableFuture<ContainerConnection> connect(
            EventLoopGroup group,
            URI baseUri,
            @Nullable String invocationPath,
            @Nullable String queryString,
            ContainerListener listener,
            Duration connectTimeout,
            ContainerClientOptions options) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(options, "options");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
        URI uri = ContainerUris.invocationUri(baseUri, invocationPath, queryString);
        long timeoutMillis = Math.max(1, connectTimeout.toMillis());
        CompletableFuture<ContainerConnection> connected = new CompletableFuture<>();

        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_SNDBUF, SocketBuffers.BYTES)
                .option(ChannelOption.SO_RCVBUF, SocketBuffers.BYTES)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(
                                        new HttpClientCodec(),
                                        new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE_BYTES),
                                        new WebSocketClientProtocolHandler(protocolConfig(uri, options, timeoutMillis)),
                                        new ContainerClientHandler(uri, options, listener, connected));
                    }
                });

        ChannelFuture connecting = bootstrap.connect(uri.getHost(), uri.getPort());
        connecting.addListener(future -> {
            if (!future.isSuccess()) {
                connected.completeExceptionally(
                        new ContainerConnectException(uri, future.cause().toString(), future.cause()));
            }
        });
        var timeout = connecting
                .channel()
                .eventLoop()
                .schedule(
                        () -> {
                            if (connected.completeExceptionally(new ContainerConnectException(
                                    uri, "no WebSocket handshake within " + connectTimeout))) {
                                connecting.channel().close();
                            }
                        },
                        timeoutMillis,
                        TimeUnit.MILLISECONDS);
        connected.whenComplete((connection, failure) -> timeout.cancel(false));
        return connected;
    }

    private static WebSocketClientProtocolConfig protocolConfig(
            URI uri, ContainerClientOptions options, long timeoutMillis) {
        return WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .version(WebSocketVersion.V13)
                .allowExtensions(false)
                .maxFramePayloadLength(options.maxFramePayloadBytes())
                .performMasking(true)
                // Close and Pong frames reach ContainerClientHandler: it reports the close code and
                // counts pongs.
                .handleCloseFrames(false)
                .dropPongFrames(false)
                // abort() must drop the connection without a closing handshake.
                .sendCloseFrame(null)
                .handshakeTimeoutMillis(timeoutMillis)
                .generateOriginHeader(false)
                // SageMaker forwards bytes without re-encoding them.
                .withUTF8Validator(false)
                .build();
    }
}
