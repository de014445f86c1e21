package io.github.awsbidi.emulator.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Closes a connection that has carried no request for the idle limit: one that sends nothing, whose TLS
 * handshake never completes, whose bytes never become an HTTP/1.1 request, or that sends the HTTP/2
 * preface and never opens a stream. Such a connection otherwise stays open for good. A connection with
 * an active HTTP/2 stream is never idle, however quiet the stream; the clock restarts when its last
 * stream closes and after each complete HTTP/1.1 request. An HTTP/2 connection is closed through its
 * codec, so the client gets a GOAWAY first and knows not to use it.
 *
 * <p>The limit itself is the emulator's choice, not an AWS figure: AWS front ends also close idle
 * connections, but their limit is not documented.
 */
final class IdleConnectionCloser extends ChannelInboundHandlerAdapter {

    private final long limitNanos;
    private long idleSince = System.nanoTime();
    private @Nullable Http2Connection http2;
    private @Nullable ScheduledFuture<?> check;

    IdleConnectionCloser(Duration limit) {
        this.limitNanos = limit.toNanos();
    }

    /** The closer of that connection's pipeline, if it has one. */
    static @Nullable IdleConnectionCloser of(io.netty.channel.ChannelPipeline pipeline) {
        return pipeline.get(IdleConnectionCloser.class);
    }

    /** From now on the connection is busy while that HTTP/2 connection has an active stream. */
    void watch(Http2Connection connection) {
        http2 = connection;
        connection.addListener(new Http2ConnectionAdapter() {
            @Override
            public void onStreamActive(Http2Stream stream) {
                touch();
            }

            @Override
            public void onStreamClosed(Http2Stream stream) {
                touch();
            }
        });
    }

    /** A handler for the HTTP/1.1 pipeline, after the aggregator: each complete request restarts the clock. */
    ChannelHandler http1Requests() {
        return new RequestSeen();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            schedule(ctx, limitNanos);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (check == null) {
            idleSince = System.nanoTime();
            schedule(ctx, limitNanos);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    private void touch() {
        idleSince = System.nanoTime();
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        check = ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        Http2Connection connection = http2;
        if (connection != null && connection.numActiveStreams() > 0) {
            idleSince = now;
        }
        long idle = now - idleSince;
        if (idle >= limitNanos) {
            ctx.channel().close();
        } else {
            schedule(ctx, limitNanos - idle);
        }
    }

    private void cancel() {
        ScheduledFuture<?> pending = check;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** Sees each aggregated HTTP/1.1 request go by. */
    private final class RequestSeen extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof FullHttpRequest) {
                touch();
            }
            ctx.fireChannelRead(msg);
        }
    }
}
