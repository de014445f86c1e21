package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.config.InStreamError;
import io.github.awsbidi.emulator.wire.EventStreamMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Error;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Inbound: counts request events and injects the configured in-stream faults once the operation has seen
 * the event that reaches a threshold (a threshold of 0 applies as soon as the stream is open): a modeled exception ({@code inStreamError}), RST_STREAM
 * ({@code resetAfterFrames}), GOAWAY ({@code goAwayAfterFrames}, once, graceful: the stream goes on) or a
 * closed connection ({@code closeConnectionAfterFrames}). The fault ends travel to the
 * {@link StreamTerminator} like any other end. These are emulator test hooks: the failure shapes (exception
 * events, reset, GOAWAY, lost connection) are those AWS documents or the SDK handles, the triggers are not
 * AWS behaviour.
 */
final class FrameFaults extends ChannelInboundHandlerAdapter {

    private Faults faults = Faults.none();
    private int requestEvents;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof StreamOpened opened) {
            faults = opened.faults();
            ctx.fireChannelRead(msg);
            // A threshold of 0 means "after no request event": right after the response headers.
            inject(ctx);
        } else if (msg instanceof EventStreamMessage event) {
            ctx.fireChannelRead(event);
            requestEvents++;
            inject(ctx);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void inject(ChannelHandlerContext ctx) {
        if (StreamTerminator.hasEnded(ctx.channel())) {
            return;
        }
        InStreamError inStream = faults.inStreamError();
        if (inStream != null && requestEvents >= inStream.afterFrames()) {
            byte[] json = AwsErrors.jsonBytes(Map.of("message", inStream.message(), "Message", inStream.message()));
            ctx.fireUserEventTriggered(new StreamEnd.FailedWithException(inStream.type(), json));
            return;
        }
        if (reached(faults.resetAfterFrames())) {
            ctx.fireUserEventTriggered(new StreamEnd.Reset());
            return;
        }
        Integer goAwayAfter = faults.goAwayAfterFrames();
        if (goAwayAfter != null && requestEvents == goAwayAfter) {
            // Graceful GOAWAY: streams already open finish, new ones must use another connection.
            Channel connection = ctx.channel().parent();
            if (connection != null) {
                connection.writeAndFlush(new DefaultHttp2GoAwayFrame(Http2Error.NO_ERROR));
            }
        }
        if (reached(faults.closeConnectionAfterFrames())) {
            ctx.fireUserEventTriggered(new StreamEnd.ConnectionClosed());
        }
    }

    private boolean reached(@Nullable Integer limit) {
        return limit != null && requestEvents >= limit;
    }
}
