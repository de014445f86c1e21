package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.wire.EventStreamFormatException;
import io.github.awsbidi.emulator.wire.EventStreamMessage;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * Inbound, last: ends the stream exactly once, the way AWS would for the cause, and keeps the statistics.
 * Every rejection and every malformed input comes here, whichever handler found it:
 * <ul>
 * <li>before the response headers, an HTTP error response: the error type's status,
 *     {@code x-amzn-ErrorType}, {@code x-amzn-RequestId} and the JSON body {@code {"message": …}}, with
 *     END_STREAM on the body (AWS documentation: the restJson error shape the SDKs parse);</li>
 * <li>after them, an error message ({@code :message-type error}, {@code :error-code},
 *     {@code :error-message}) then END_STREAM (the event-stream error frame of AWS's documented message
 *     format, which the SDKs surface as a service exception; the codes used for broken framing are the
 *     emulator's choice, AWS does not document its answer).</li>
 * </ul>
 * Then the stream drains: whatever the client still sends is read and dropped, which is also what lets
 * Netty close and release the stream once the client's side ends.
 */
final class StreamTerminator extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<Boolean> ENDED = AttributeKey.valueOf(StreamTerminator.class, "ended");

    private final StreamObserver observer;
    private final String requestId;
    private boolean opened;

    StreamTerminator(StreamObserver observer, String requestId) {
        this.observer = observer;
        this.requestId = requestId;
    }

    /** Whether the stream on that channel has ended (input after that is dropped). */
    static boolean hasEnded(Channel channel) {
        return Boolean.TRUE.equals(channel.attr(ENDED).get());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof StreamOpened) {
            opened = true;
        } else if (msg instanceof Http2ResetFrame) {
            end(ctx, new StreamEnd.ClientGone());
        }
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof StreamEnd end) {
            end(ctx, end);
        } else {
            ReferenceCountUtil.release(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        end(ctx, failureFor(cause));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        end(ctx, new StreamEnd.ClientGone());
        ctx.fireChannelInactive();
    }

    private static StreamEnd.Failed failureFor(Throwable cause) {
        if (cause instanceof StreamRejection rejection) {
            return rejection.failure();
        }
        if (cause instanceof EventStreamFormatException malformed) {
            return new StreamEnd.Failed(
                    "SerializationException", "Malformed event-stream message: " + malformed.getMessage());
        }
        return new StreamEnd.Failed("InternalServerException", "Internal error: " + cause);
    }

    private void end(ChannelHandlerContext ctx, StreamEnd end) {
        Channel channel = ctx.channel();
        if (hasEnded(channel)) {
            return;
        }
        channel.attr(ENDED).set(Boolean.TRUE);
        if (end instanceof StreamEnd.Completed) {
            finish(ctx);
        } else if (end instanceof StreamEnd.Failed failed) {
            if (opened) {
                ctx.write(EventStreamMessage.error(failed.errorType(), failed.message()));
                finish(ctx);
            } else {
                respondWithError(ctx, AwsErrors.reject(failed.errorType(), failed.message()));
            }
        } else if (end instanceof StreamEnd.Rejected rejected) {
            respondWithError(ctx, rejected.rejection());
        } else if (end instanceof StreamEnd.FailedWithException exception) {
            ctx.write(EventStreamMessage.exception(exception.exceptionType(), exception.jsonPayload()));
            finish(ctx);
        } else if (end instanceof StreamEnd.Reset) {
            // Response DATA waits in the connection's flow controller while RST_STREAM is written at once;
            // flushing first keeps the wire order a real server has: answers, then the reset.
            Channel connection = channel.parent();
            if (connection != null) {
                connection.flush();
            }
            ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.INTERNAL_ERROR));
            closed();
        } else if (end instanceof StreamEnd.ConnectionClosed) {
            closed();
            Channel connection = channel.parent();
            (connection != null ? connection : channel).close();
        } else if (end instanceof StreamEnd.ClientGone && opened) {
            observer.resetByClient();
            closed();
        }
        drain(channel);
    }

    /** END_STREAM on an empty DATA frame after whatever was written. */
    private void finish(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(new DefaultHttp2DataFrame(true));
        if (opened) {
            observer.completed();
            observer.closed();
        }
    }

    private void closed() {
        if (opened) {
            observer.closed();
        }
    }

    /**
     * The error response, END_STREAM on its body and no RST_STREAM after it: a reset that follows at once
     * makes the SDK drop the body it has not read yet (observed with SDK 2.40.2), losing the message. The
     * SDK closes its side itself once it has the response.
     */
    private void respondWithError(ChannelHandlerContext ctx, OpenDecision.Reject rejection) {
        Http2Headers headers = new DefaultHttp2Headers()
                .status(Integer.toString(rejection.status()))
                .set("content-type", "application/json")
                .set("x-amzn-errortype", rejection.errorType())
                .set("x-amzn-requestid", requestId);
        ctx.write(new DefaultHttp2HeadersFrame(headers));
        ctx.writeAndFlush(new DefaultHttp2DataFrame(
                Unpooled.wrappedBuffer(rejection.body().getBytes(StandardCharsets.UTF_8)), true));
    }

    /**
     * Reads (and, upstream, drops) whatever the client still sends. Netty closes a stream channel only once
     * its inbound queue is read to the end; left unread, the queued DATA frames would never be released.
     */
    private static void drain(Channel channel) {
        channel.config().setAutoRead(true);
        channel.read();
    }
}
