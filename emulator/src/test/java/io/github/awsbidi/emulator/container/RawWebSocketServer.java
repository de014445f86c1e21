package io.github.awsbidi.emulator.container;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket server for client tests that records every frame as it arrives on the wire (opcode
 * class and FIN bit) and answers pings only when told to.
 */
final class RawWebSocketServer implements AutoCloseable {

    record WireFrame(String kind, boolean fin, byte[] payload) {}

    private final Queue<WireFrame> frames = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicInteger closedConnections = new AtomicInteger();
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final boolean answerPings;
    private final Channel serverChannel;

    RawWebSocketServer(EventLoopGroup group, boolean answerPings) {
        this.answerPings = answerPings;
        this.serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.closeFuture().addListener(future -> closedConnections.incrementAndGet());
                        channel.pipeline()
                                .addLast(new HttpServerCodec(), new HttpObjectAggregator(8192), new Upgrade());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .syncUninterruptibly()
                .channel();
    }

    URI baseUri() {
        return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) serverChannel.localAddress()).getPort());
    }

    Queue<WireFrame> frames() {
        return frames;
    }

    int pings() {
        return pings.get();
    }

    int closedConnections() {
        return closedConnections.get();
    }

    /** Drops every connection without a closing handshake, as a crashing container would. */
    void dropConnections() {
        connections.close().syncUninterruptibly();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        connections.close().syncUninterruptibly();
    }

    private final class Upgrade extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                            "ws://127.0.0.1/", null, false, 64 * 1024 * 1024)
                    .newHandshaker(request);
            handshaker.handshake(ctx.channel(), request);
            ctx.pipeline().replace(this, "recorder", new Recorder());
        }
    }

    private final class Recorder extends SimpleChannelInboundHandler<WebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            frames.add(new WireFrame(
                    frame.getClass().getSimpleName(), frame.isFinalFragment(), ByteBufUtil.getBytes(frame.content())));
            if (frame instanceof PingWebSocketFrame) {
                pings.incrementAndGet();
                if (answerPings) {
                    ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
                }
            } else if (frame instanceof CloseWebSocketFrame close) {
                ctx.writeAndFlush(close.retain()).addListener(future -> ctx.close());
            }
        }
    }
}
