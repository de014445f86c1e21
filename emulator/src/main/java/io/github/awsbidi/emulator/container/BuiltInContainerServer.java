package io.github.awsbidi.emulator.container;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A built-in model container: a real HTTP + WebSocket server on 127.0.0.1 at an ephemeral port,
 * speaking the SageMaker container contract ({@code GET /ping}, a WebSocket upgrade at any path).
 * Runs on a caller's NIO event loop group, which {@link #close()} leaves running. Start and close
 * it from outside the group's event loops (both wait for the socket).
 *
 * <p>The emulator's own streams connect through {@link #connect}: the same HTTP upgrade and WebSocket framing
 * as any client, over an in-VM connection ({@link InVmChannel}) instead of a loopback socket, with both ends on
 * the stream's event loop, so a frame goes stream → container → stream on one thread with no system call and
 * no hand-off between threads. Other clients (tests, tools) connect to {@link #baseUri()} over TCP as usual and
 * land on any of the group's loops.
 */
public final class BuiltInContainerServer implements AutoCloseable {

    /** Largest frame the container accepts: SageMaker never splits parts. */
    static final int MAX_FRAME_PAYLOAD_BYTES = 64 * 1024 * 1024;

    private static final int MAX_HTTP_REQUEST_BYTES = 64 * 1024;

    private final BuiltInModel model;
    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final ChannelInitializer<Channel> connectionInit;
    private final LocalAddress inVmAddress;
    private final AtomicLong inVmClients = new AtomicLong();

    private BuiltInContainerServer(
            BuiltInModel model,
            Channel serverChannel,
            ChannelGroup connections,
            ChannelInitializer<Channel> connectionInit) {
        this.model = model;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.connectionInit = connectionInit;
        this.inVmAddress = new LocalAddress("container-" + model.id());
    }

    /**
     * Binds a new container for {@code model} to 127.0.0.1 on a free port.
     *
     * @throws IllegalStateException if the port cannot be bound
     */
    public static BuiltInContainerServer start(BuiltInModel model, EventLoopGroup group) {
        ChannelGroup connections = new DefaultChannelGroup("container-" + model.id(), GlobalEventExecutor.INSTANCE);
        ChannelInitializer<Channel> childInit = new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                connections.add(channel);
                channel.pipeline()
                        .addLast(
                                new HttpServerCodec(),
                                new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES),
                                new ContainerHttpHandler(model, MAX_FRAME_PAYLOAD_BYTES));
            }
        };
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                // Accepted sockets inherit the receive buffer (and the window scale it implies) from here.
                .option(ChannelOption.SO_RCVBUF, SocketBuffers.BYTES)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_SNDBUF, SocketBuffers.BYTES)
                .childOption(ChannelOption.SO_RCVBUF, SocketBuffers.BYTES)
                .childHandler(childInit);
        ChannelFuture bound = bootstrap
                .bind(new InetSocketAddress(ModelContainerClient.LOOPBACK, 0))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException(
                    "could not bind the " + model.id() + " container to 127.0.0.1", bound.cause());
        }
        return new BuiltInContainerServer(model, bound.channel(), connections, childInit);
    }

    /**
     * Connects to this container from {@code loop}, a stream's event loop, in-VM: the client channel and the
     * container's end of the connection both live on it. Otherwise as {@link ModelContainerClient#connect}.
     */
    public CompletableFuture<ContainerConnection> connect(
            EventLoop loop,
            @Nullable String invocationPath,
            @Nullable String queryString,
            ContainerListener listener,
            Duration connectTimeout,
            ContainerClientOptions options) {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(options, "options");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
        }
        URI uri = ContainerUris.invocationUri(baseUri(), invocationPath, queryString);
        InVmChannel[] ends = InVmChannel.pair(
                new LocalAddress("stream-" + model.id() + "-" + inVmClients.incrementAndGet()), inVmAddress);
        InVmChannel containerEnd = ends[1];
        containerEnd.pipeline().addLast(connectionInit);
        // Registered first, so the container's end is in place when the client's handshake arrives.
        loop.register(containerEnd);
        return ModelContainerClient.openInVm(loop, ends[0], uri, listener, connectTimeout, options);
    }

    /** The container's end of every open connection (for tests). */
    ChannelGroup connections() {
        return connections;
    }

    /** The model this container runs. */
    public BuiltInModel model() {
        return model;
    }

    /** {@code ws://127.0.0.1:<port>}, the base URI to give {@link ModelContainerClient#connect}. */
    public URI baseUri() {
        return URI.create("ws://127.0.0.1:" + port());
    }

    /** The bound port. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Stops accepting and closes every open connection; the event loop group keeps running. */
    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        connections.close().awaitUninterruptibly();
    }
}
