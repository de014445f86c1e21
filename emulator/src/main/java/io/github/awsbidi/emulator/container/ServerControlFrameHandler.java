package io.github.awsbidi.emulator.container;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;

/**
 * Handles a built-in container's WebSocket control frames: answers Ping with Pong, ignores Pong,
 * completes the closing handshake; data frames go on to the model handler.
 */
final class ServerControlFrameHandler extends ChannelInboundHandlerAdapter {

    private final WebSocketServerHandshaker handshaker;

    ServerControlFrameHandler(WebSocketServerHandshaker handshaker) {
        this.handshaker = handshaker;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof PingWebSocketFrame ping) {
            // The pong takes over the ping's buffer.
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
        } else if (msg instanceof PongWebSocketFrame pong) {
            pong.release();
        } else if (msg instanceof CloseWebSocketFrame close) {
            if (ServerClose.sent(ctx.channel())) {
                // The client answered our Close: the closing handshake is complete.
                close.release();
                ctx.close();
            } else {
                // Echoes the client's Close and closes the connection; takes over the frame.
                handshaker.close(ctx.channel(), close);
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
