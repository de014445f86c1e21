package io.github.awsbidi.emulator.server;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;

/** Completes a connection's pipeline once its protocol is known. */
final class Http2Pipeline {

    static final int MAX_CONTROL_PLANE_BODY = 1024 * 1024;

    private Http2Pipeline() {}

    static void http2(ChannelPipeline pipeline, ServerSetup setup) {
        Http2FrameCodec codec = Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings()
                        .maxConcurrentStreams(setup.maxConcurrentStreams().getAsInt()))
                .build();
        pipeline.addLast(codec);
        pipeline.addLast(new Http2MultiplexHandler(new StreamRouter(setup)));
        IdleConnectionCloser closer = IdleConnectionCloser.of(pipeline);
        if (closer != null) {
            closer.watch(codec.connection());
        }
    }

    static void http1(ChannelPipeline pipeline, ServerSetup setup) {
        pipeline.addLast(new HttpServerCodec());
        pipeline.addLast(new HttpObjectAggregator(MAX_CONTROL_PLANE_BODY));
        IdleConnectionCloser closer = IdleConnectionCloser.of(pipeline);
        if (closer != null) {
            pipeline.addLast(closer.http1Requests());
        }
        pipeline.addLast(setup.controlPlane().get());
    }
}
