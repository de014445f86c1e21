package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.config.OpenError;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2Headers;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Inbound: asks the operation's {@link StreamResolver} whether a verified request opens, applies the two
 * open faults ({@code openError}, {@code firstResponseDelay}), writes the 200 response headers and passes
 * {@link StreamOpened} on. Request DATA is not read before that (auto-read is off until then), so HTTP/2
 * flow control holds the client back while the stream is resolved.
 */
final class StreamOpener extends ChannelInboundHandlerAdapter {

    private static final String EVENT_STREAM = "application/vnd.amazon.eventstream";

    private final StreamResolver resolver;
    private final StreamEnvironment environment;
    private final String requestId;
    /** The stream closed while it was being resolved or held back. */
    private boolean gone;

    StreamOpener(StreamResolver resolver, StreamEnvironment environment, String requestId) {
        this.resolver = resolver;
        this.environment = environment;
        this.requestId = requestId;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof VerifiedHead head) {
            Channel channel = ctx.channel();
            resolver.resolve(head.head(), channel.eventLoop())
                    .whenComplete((decision, error) -> channel.eventLoop().execute(() -> {
                        if (error != null) {
                            end(
                                    ctx,
                                    new StreamEnd.Failed(
                                            "InternalServerException", "Internal error: " + error.getMessage()));
                        } else {
                            decided(ctx, head, decision);
                        }
                    }));
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        gone = true;
        ctx.fireChannelInactive();
    }

    private void decided(ChannelHandlerContext ctx, VerifiedHead head, OpenDecision decision) {
        if (decision instanceof OpenDecision.Reject rejection) {
            end(ctx, new StreamEnd.Rejected(rejection));
            return;
        }
        OpenDecision.Open open = (OpenDecision.Open) decision;
        OpenError openError = open.faults().openError();
        if (gone) {
            open.operation().onCancel();
        } else if (openError != null && failsThisOpen(openError, head.head())) {
            open.operation().onCancel();
            end(ctx, new StreamEnd.Rejected(AwsErrors.reject(openError.errorType(), openError.message())));
        } else {
            Duration delay = open.faults().firstResponseDelay();
            if (delay != null && !delay.isZero()) {
                ctx.channel().eventLoop().schedule(() -> open(ctx, head, open), delay.toNanos(), TimeUnit.NANOSECONDS);
            } else {
                open(ctx, head, open);
            }
        }
    }

    /** Counts this open; an open error applies to the first {@code count} opens of the target ({@code < 0}: all). */
    private boolean failsThisOpen(OpenError openError, RequestHead head) {
        int previous = environment.openAttempts().next(head.path());
        return openError.count() < 0 || previous < openError.count();
    }

    private void open(ChannelHandlerContext ctx, VerifiedHead head, OpenDecision.Open open) {
        if (gone) {
            // The client left during the first-response delay: the operation never starts.
            open.operation().onCancel();
            return;
        }
        Http2Headers headers = new DefaultHttp2Headers()
                .status("200")
                .set("content-type", EVENT_STREAM)
                .set("x-amzn-requestid", requestId);
        open.responseHeaders().forEach((name, value) -> headers.set(name.toLowerCase(Locale.ROOT), value));
        ctx.writeAndFlush(new DefaultHttp2HeadersFrame(headers));
        environment.observer().opened();
        ctx.fireChannelRead(new StreamOpened(head.head(), open.operation(), open.faults()));
        if (head.endOfInput()) {
            ctx.fireChannelRead(InputEnd.INSTANCE);
        }
        Channel channel = ctx.channel();
        channel.config().setAutoRead(true);
        channel.read();
    }

    private static void end(ChannelHandlerContext ctx, StreamEnd end) {
        ctx.fireUserEventTriggered(end);
    }
}
