package io.github.awsbidi.emulator.container;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * A built-in model container: a real HTTP + WebSocket server on 127.0.0.1 at an ephemeral port,
 * speaking the SageMaker container contract ({@code GET /ping}, a WebSocket upgrade at any path).
 * Runs on a caller's NIO event loop group, which {@link #close()} leaves running. Start and close
 * it from outside the group's event loops (both wait for the socket).
 */
public final class BuiltInContainerServer implements AutoCloseable {

    /** Largest frame the container accepts: SageMaker never splits parts. */
    static final int MAX_FRAME_PAYLOAD_BYTES = 64 * 1024 * 1024;

    private static final int MAX_HTTP_REQUEST_BYTES = 64 * 1024;

    private final BuiltInModel model;
    private final Channel serverChannel;
    private final ChannelGroup connections;

    private BuiltInContainerServer(BuiltInModel model, Channel serverChannel, ChannelGroup connections) {
        this.model = model;
        this.serverChannel = serverChannel;
        this.connections = connections;
    }

    /**
     * Binds a new container for {@code model} to 127.0.0.1 on a free port.
     *
     * @throws IllegalStateException if the port cannot be bound
     */
    public static BuiltInContainerServer start(BuiltInModel model, EventLoopGroup group) {
        ChannelGroup connections = new DefaultChannelGroup("container-" + model.id(), GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                // Accepted sockets inherit the receive buffer (and the window scale it implies) from here.
                .option(ChannelOption.SO_RCVBUF, SocketBuffers.BYTES)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_SNDBUF, SocketBuffers.BYTES)
                .childOption(ChannelOption.SO_RCVBUF, SocketBuffers.BYTES)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.pipeline()
                                .addLast(
                                        new HttpServerCodec(),
                                        new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES),
                                        new ContainerHttpHandler(model, MAX_FRAME_PAYLOAD_BYTES));
                    }
                });
        ChannelFuture bound =
                bootstrap.bind(new InetSocketAddress("127.0.0.1", 0)).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException(
                    "could not bind the " + model.id() + " container to 127.0.0.1", bound.cause());
        }
        return new BuiltInContainerServer(model, bound.channel(), connections);
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
