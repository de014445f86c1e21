package io.github.awsbidi.emulator.container;

import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;

/** An open WebSocket connection to a model container, as SageMaker holds one per stream. */
public interface ContainerConnection {

    /**
     * Sends one frame. The future completes once the frame was written and flushed to the socket,
     * so a caller applying back-pressure sends the next frame only after it completes; it fails if
     * the connection is closed.
     */
    CompletableFuture<Void> send(ContainerFrame frame);

    /**
     * Starts the WebSocket closing handshake with {@code statusCode} and {@code reason} (at most
     * 123 bytes of UTF-8); the TCP connection is closed when the container answers, or after a
     * short timeout. Frames the container sent before its answering Close are still delivered; the
     * returned future completes once the connection is closed, after the last of them.
     *
     * @throws IllegalArgumentException if the code is not one RFC 6455 allows on the wire or the
     *     reason is too long
     */
    CompletableFuture<Void> close(int statusCode, String reason);

    /**
     * Whether to keep reading what the container sends. While not readable, frames stay in the socket
     * and TCP flow control holds the container back (SageMaker does the same when a client reads slowly).
     */
    void setReadable(boolean readable);

    /** Drops the TCP connection at once, without a closing handshake (the client reset its stream). */
    void abort();

    /** The event loop the connection lives on: its listener is called there and its futures complete there. */
    EventLoop eventLoop();
}
