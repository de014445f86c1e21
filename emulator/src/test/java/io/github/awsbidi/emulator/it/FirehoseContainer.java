package io.github.awsbidi.emulator.it;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model container that, once connected, sends binary frames as fast as its socket takes them (it
 * writes while the channel is writable), up to a cap, and counts the frames the socket accepted.
 */
final class FirehoseContainer implements AutoCloseable {

    private final int frameBytes;
    private final long maxFrames;
    private final AtomicLong framesSent = new AtomicLong();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel serverChannel;
    // Closed before the loop shuts down: a channel still holding queued frames would otherwise never release them.
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    FirehoseContainer(int frameBytes, long maxFrames) {
        this.frameBytes = frameBytes;
        this.maxFrames = maxFrames;
        this.serverChannel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.pipeline()
                                .addLast(new HttpServerCodec(), new HttpObjectAggregator(8192), new Upgrade());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .syncUninterruptibly()
                .channel();
    }

    String url() {
        return "ws://127.0.0.1:" + ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Frames the container's socket has accepted so far. */
    long framesSent() {
        return framesSent.get();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        connections.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Upgrade extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            new WebSocketServerHandshakerFactory("ws://127.0.0.1/", null, false)
                    .newHandshaker(request)
                    .handshake(ctx.channel(), request)
                    .addListener(done -> {
                        ctx.pipeline().replace(this, "firehose", new Firehose());
                    });
        }
    }

    private final class Firehose extends SimpleChannelInboundHandler<WebSocketFrame> {
        private long written;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            send(ctx);
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            send(ctx);
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            // Whatever the client sends is ignored.
        }

        private void send(ChannelHandlerContext ctx) {
            while (ctx.channel().isActive() && ctx.channel().isWritable() && written < maxFrames) {
                written++;
                ctx.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[frameBytes])))
                        .addListener(future -> {
                            if (future.isSuccess()) {
                                framesSent.incrementAndGet();
                            }
                        });
            }
        }
    }
}
