package io.github.awsbidi.emulator.server;

import io.github.awsbidi.emulator.stream.BidiStreamPipeline;
import io.github.awsbidi.emulator.stream.StreamResolver;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import java.util.Optional;

/**
 * The first handler of every HTTP/2 stream: on the request headers it installs either the
 * bidirectional event-stream pipeline (for the one operation whose path matches) or the control-plane
 * handlers, then steps aside.
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
            String path = headers.headers().path() == null
                    ? "/"
                    : headers.headers().path().toString();
            int query = path.indexOf('?');
            String bare = query < 0 ? path : path.substring(0, query);
            Optional<StreamResolver> resolver = setup.streams().resolvers().stream()
                    .filter(candidate -> candidate.matches(bare))
                    .findFirst();
            if (resolver.isPresent()) {
                BidiStreamPipeline.install(pipeline, setup.streams(), resolver.get());
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
