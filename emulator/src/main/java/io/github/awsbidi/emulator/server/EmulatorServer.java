package io.github.awsbidi.emulator.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;

/** The bound server socket; everything else happens in the pipelines it sets up. */
public final class EmulatorServer implements AutoCloseable {

    private final Channel serverChannel;

    private EmulatorServer(Channel serverChannel) {
        this.serverChannel = serverChannel;
    }

    /** Binds and starts accepting connections on the given group. */
    public static EmulatorServer start(ServerSetup setup, EventLoopGroup group) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        setup.connectionAccepted().run();
                        channel.pipeline().addLast(new IdleConnectionCloser(setup.idleConnectionTimeout()));
                        SslContext ssl = setup.sslContext();
                        if (ssl != null) {
                            SslHandler tls = ssl.newHandler(channel.alloc());
                            // A handshake that never completes is idleness like any other.
                            tls.setHandshakeTimeoutMillis(
                                    setup.idleConnectionTimeout().toMillis());
                            channel.pipeline().addLast(tls, new AlpnProtocolHandler(setup));
                        } else {
                            channel.pipeline().addLast(new CleartextProtocolDetector(setup));
                        }
                    }
                });
        Channel channel =
                bootstrap.bind(setup.host(), setup.port()).syncUninterruptibly().channel();
        return new EmulatorServer(channel);
    }

    /** The port actually bound. */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}
