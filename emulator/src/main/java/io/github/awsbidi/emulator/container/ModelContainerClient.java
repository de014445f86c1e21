package io.github.awsbidi.emulator.container;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
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
 * The group must be an NIO event loop group; pass one {@link EventLoop} of it (a stream's own)
 * to keep the connection, and every listener call, on that loop.
 */
public final class ModelContainerClient {

    private static final int MAX_HANDSHAKE_RESPONSE_BYTES = 64 * 1024;

    static final String LOOPBACK = "127.0.0.1";

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
        return open(group, uri, listener, connectTimeout, options);
    }

    /** Opens the connection over TCP on one of {@code group}'s event loops (pass one {@link EventLoop} to choose it). */
    private static CompletableFuture<ContainerConnection> open(
            EventLoopGroup group,
            URI uri,
            ContainerListener listener,
            Duration connectTimeout,
            ContainerClientOptions options) {
        long timeoutMillis = Math.max(1, connectTimeout.toMillis());
        CompletableFuture<ContainerConnection> connected = new CompletableFuture<>();
        ChannelFuture connecting = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_SNDBUF, SocketBuffers.BYTES)
                .option(ChannelOption.SO_RCVBUF, SocketBuffers.BYTES)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        addHandlers(channel, uri, listener, options, timeoutMillis, connected);
                    }
                })
                .connect(uri.getHost(), uri.getPort());
        connecting.addListener(failure(uri, connected));
        return awaitHandshake(connecting.channel(), uri, connectTimeout, timeoutMillis, connected);
    }

    /**
     * Opens the connection over {@code client}, one end of an unregistered in-VM pair whose other end is a
     * built-in container on {@code loop}: the same HTTP upgrade and WebSocket framing as over TCP.
     */
    static CompletableFuture<ContainerConnection> openInVm(
            EventLoop loop,
            InVmChannel client,
            URI uri,
            ContainerListener listener,
            Duration connectTimeout,
            ContainerClientOptions options) {
        long timeoutMillis = Math.max(1, connectTimeout.toMillis());
        CompletableFuture<ContainerConnection> connected = new CompletableFuture<>();
        addHandlers(client, uri, listener, options, timeoutMillis, connected);
        loop.register(client).addListener(failure(uri, connected));
        return awaitHandshake(client, uri, connectTimeout, timeoutMillis, connected);
    }

    private static void addHandlers(
            Channel channel,
            URI uri,
            ContainerListener listener,
            ContainerClientOptions options,
            long timeoutMillis,
            CompletableFuture<ContainerConnection> connected) {
        channel.pipeline()
                .addLast(
                        new HttpClientCodec(),
                        new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE_BYTES),
                        new WebSocketClientProtocolHandler(protocolConfig(uri, options, timeoutMillis)),
                        new ContainerClientHandler(uri, options, listener, connected));
    }

    private static GenericFutureListener<Future<? super Void>> failure(
            URI uri, CompletableFuture<ContainerConnection> connected) {
        return future -> {
            if (!future.isSuccess()) {
                connected.completeExceptionally(
                        new ContainerConnectException(uri, future.cause().toString(), future.cause()));
            }
        };
    }

    /** Bounds connect plus handshake, and drops the channel if the connection is not made. */
    private static CompletableFuture<ContainerConnection> awaitHandshake(
            Channel channel,
            URI uri,
            Duration connectTimeout,
            long timeoutMillis,
            CompletableFuture<ContainerConnection> connected) {
        var timeout = channel.eventLoop()
                .schedule(
                        () -> {
                            if (connected.completeExceptionally(new ContainerConnectException(
                                    uri, "no WebSocket handshake within " + connectTimeout))) {
                                channel.close();
                            }
                        },
                        timeoutMillis,
                        TimeUnit.MILLISECONDS);
        connected.whenComplete((connection, error) -> {
            timeout.cancel(false);
            if (error != null) {
                channel.close();
            }
        });
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
