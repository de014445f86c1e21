package io.github.awsbidi.emulator.container;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@link ContainerConnection} over one Netty channel whose WebSocket handshake has completed. */
final class WebSocketContainerConnection implements ContainerConnection {

    /** A Close frame's payload is at most 125 bytes, two of which hold the code. */
    static final int MAX_CLOSE_REASON_BYTES = 123;

    private final Channel channel;
    private final Duration closeTimeout;
    private final OutboundFrameMapper mapper = new OutboundFrameMapper();
    private volatile boolean closedLocally;

    WebSocketContainerConnection(Channel channel, Duration closeTimeout) {
        this.channel = channel;
        this.closeTimeout = closeTimeout;
    }

    @Override
    public CompletableFuture<Void> send(ContainerFrame frame) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (closedLocally) {
            written.completeExceptionally(new ClosedChannelException());
            return written;
        }
        // Mapping and write are done under one lock so the fragmentation state matches the order
        // in which frames reach the channel, whichever thread sends.
        synchronized (mapper) {
            WebSocketFrame mapped = mapper.map(frame);
            channel.writeAndFlush(mapped).addListener(future -> {
                if (future.isSuccess()) {
                    written.complete(null);
                } else {
                    written.completeExceptionally(future.cause());
                }
            });
        }
        return written;
    }

    @Override
    public CompletableFuture<Void> close(int statusCode, String reason) {
        if (statusCode < 0 || !WebSocketCloseStatus.isValidStatusCode(statusCode)) {
            throw new IllegalArgumentException(
                    "statusCode " + statusCode + " may not be sent in a WebSocket Close frame");
        }
        int reasonBytes = reason.getBytes(StandardCharsets.UTF_8).length;
        if (reasonBytes > MAX_CLOSE_REASON_BYTES) {
            throw new IllegalArgumentException("reason is " + reasonBytes
                    + " bytes of UTF-8; a WebSocket Close allows at most " + MAX_CLOSE_REASON_BYTES);
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        channel.closeFuture().addListener(future -> closed.complete(null));
        if (closedLocally) {
            return closed;
        }
        closedLocally = true;
        synchronized (mapper) {
            channel.writeAndFlush(new CloseWebSocketFrame(statusCode, reason));
        }
        // The container should answer with its own Close, on which the handler drops the
        // connection; this bounds the wait if it never does.
        var forceClose = channel.eventLoop()
                .schedule(
                        () -> {
                            channel.close();
                        },
                        closeTimeout.toNanos(),
                        TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(future -> forceClose.cancel(false));
        return closed;
    }

    @Override
    public void setReadable(boolean readable) {
        channel.config().setAutoRead(readable);
    }

    @Override
    public void abort() {
        closedLocally = true;
        channel.close();
    }

    @Override
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /** The connection's channel (for tests: which event loop it lives on). */
    Channel channel() {
        return channel;
    }

    /** Whether {@link #close} or {@link #abort} was called, after which the listener hears nothing more. */
    boolean closedLocally() {
        return closedLocally;
    }
}
