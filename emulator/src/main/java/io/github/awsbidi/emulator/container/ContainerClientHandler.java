package io.github.awsbidi.emulator.container;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The last handler of a container connection's pipeline: completes the connect future when the
 * WebSocket handshake is done, hands data frames to the {@link ContainerListener}, pings on a
 * schedule and turns a Close, a lost connection or too many unanswered pings into exactly one
 * terminal callback. Confined to the channel's event loop.
 */
final class ContainerClientHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final int NO_STATUS_RECEIVED = WebSocketCloseStatus.EMPTY.code();

    private final URI uri;
    private final ContainerClientOptions options;
    private final ContainerListener listener;
    private final CompletableFuture<ContainerConnection> connected;
    private final InboundFrameMapper inbound = new InboundFrameMapper();
    private @Nullable WebSocketContainerConnection connection;
    private @Nullable ScheduledFuture<?> pinger;
    private int unansweredPings;
    private boolean terminated;

    ContainerClientHandler(
            URI uri,
            ContainerClientOptions options,
            ContainerListener listener,
            CompletableFuture<ContainerConnection> connected) {
        this.uri = uri;
        this.options = options;
        this.listener = listener;
        this.connected = connected;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            var open = new WebSocketContainerConnection(ctx.channel(), options.closeTimeout());
            if (!connected.complete(open)) {
                // The caller gave up (timeout) before the handshake finished.
                ctx.close();
                return;
            }
            connection = open;
            long interval = options.pingInterval().toNanos();
            pinger = ctx.executor().scheduleAtFixedRate(() -> ping(ctx), interval, interval, TimeUnit.NANOSECONDS);
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            connected.completeExceptionally(new ContainerConnectException(uri, "WebSocket handshake timed out"));
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (InboundFrameMapper.isDataFrame(frame)) {
            if (!terminated) {
                listener.onFrame(inbound.map(frame));
            }
        } else if (frame instanceof PongWebSocketFrame) {
            unansweredPings = 0;
        } else if (frame instanceof CloseWebSocketFrame close) {
            onCloseFrame(ctx, close);
        }
    }

    private void onCloseFrame(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
        if (connection == null || connection.closedLocally() || terminated) {
            // The container's answer to our own Close: the closing handshake is complete.
            ctx.close();
            return;
        }
        terminated = true;
        int code = close.statusCode() < 0 ? NO_STATUS_RECEIVED : close.statusCode();
        String reason = close.statusCode() < 0 ? "" : close.reasonText();
        // Echo the code back (RFC 6455 §5.5.1), then drop the connection.
        CloseWebSocketFrame reply = code == NO_STATUS_RECEIVED || !WebSocketCloseStatus.isValidStatusCode(code)
                ? new CloseWebSocketFrame(true, 0)
                : new CloseWebSocketFrame(code, "");
        ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
        listener.onClose(code, reason);
    }

    private void ping(ChannelHandlerContext ctx) {
        if (unansweredPings >= options.maxUnansweredPings()) {
            fail(new IOException("model container at " + uri + " did not answer " + unansweredPings
                    + " WebSocket pings sent every " + options.pingInterval()));
            ctx.close();
            return;
        }
        unansweredPings++;
        ctx.writeAndFlush(new PingWebSocketFrame());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (pinger != null) {
            pinger.cancel(false);
        }
        if (!connected.isDone()) {
            connected.completeExceptionally(
                    new ContainerConnectException(uri, "connection closed during WebSocket handshake"));
        } else {
            fail(new IOException("connection to model container at " + uri + " was lost"));
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!connected.isDone()) {
            connected.completeExceptionally(new ContainerConnectException(uri, cause.toString(), cause));
        } else {
            fail(cause);
        }
        ctx.close();
    }

    private void fail(Throwable cause) {
        if (terminated || connection == null || connection.closedLocally()) {
            return;
        }
        terminated = true;
        listener.onFailure(cause);
    }
}
