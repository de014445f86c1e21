package io.github.awsbidi.emulator.container;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.AttributeKey;
import java.util.concurrent.TimeUnit;

/**
 * A built-in container starting the closing handshake: it sends Close, then waits for the client's
 * Close (see {@link ServerControlFrameHandler}) or a timeout before dropping TCP, so the client
 * reads the Close frame before the connection goes away.
 */
final class ServerClose {

    private static final AttributeKey<Boolean> CLOSE_SENT = AttributeKey.valueOf(ServerClose.class, "closeSent");
    private static final long CLOSE_REPLY_TIMEOUT_MILLIS = 2_000;

    private ServerClose() {}

    static boolean sent(Channel channel) {
        return channel.hasAttr(CLOSE_SENT);
    }

    static void send(ChannelHandlerContext ctx, int statusCode, String reason) {
        Channel channel = ctx.channel();
        if (channel.attr(CLOSE_SENT).setIfAbsent(Boolean.TRUE) != null) {
            return;
        }
        ctx.writeAndFlush(new CloseWebSocketFrame(statusCode, reason));
        var forceClose = ctx.executor()
                .schedule(
                        () -> {
                            channel.close();
                        },
                        CLOSE_REPLY_TIMEOUT_MILLIS,
                        TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(future -> forceClose.cancel(false));
    }
}
