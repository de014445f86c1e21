package io.github.awsbidi.emulator.server;

import io.github.awsbidi.emulator.stream.BidiStreamHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;

/**
 * The first handler of every HTTP/2 stream: on the request headers it installs either the
 * bidirectional event-stream handler or the control-plane handlers, then steps aside.
 */
@ChannelHandler.Sharable
final class StreamRouter extends ChannelInboundHandlerAdapter {

    private final ServerSetup setup;

    StreamRouter(ServerSetup setup) {
        this.setup = setup;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Http2HeadersFrame headers) {
            ChannelPipeline pipeline = ctx.pipeline();
            String path = headers.headers().path() == null ? "/" : headers.headers().path().toString();
            int query = path.indexOf('?');
            String bare = query < 0 ? path : path.substring(0, query);
            if (setup.streams().resolvers().stream().anyMatch(resolver -> resolver.matches(bare))) {
                pipeline.addLast(new BidiStreamHandler(setup.streams()));
            } else {
                pipeline.addLast(new Http2StreamFrameToHttpObjectCodec(true));
                pipeline.addLast(new HttpObjectAggregator(Http2Pipeline.MAX_CONTROL_PLANE_BODY));
                pipeline.addLast(setup.controlPlane().get());
            }
            pipeline.remove(this);
        }
        ctx.fireChannelRead(msg);
    }
}
