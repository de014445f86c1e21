package io.github.awsbidi.emulator.container;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Maps incoming WebSocket data frames to {@link ContainerFrame}s: each frame becomes one part whose
 * type is that of its message's first fragment and whose {@code last} is the FIN bit. Copies the
 * bytes; the caller keeps ownership of (and releases) the frame. Confined to one event loop.
 */
final class InboundFrameMapper {

    private PayloadType messageType = PayloadType.BINARY;

    /** Whether {@code frame} is a data frame this mapper handles. */
    static boolean isDataFrame(WebSocketFrame frame) {
        return frame instanceof TextWebSocketFrame
                || frame instanceof BinaryWebSocketFrame
                || frame instanceof ContinuationWebSocketFrame;
    }

    ContainerFrame map(WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame) {
            messageType = PayloadType.UTF8;
        } else if (frame instanceof BinaryWebSocketFrame) {
            messageType = PayloadType.BINARY;
        } else if (!(frame instanceof ContinuationWebSocketFrame)) {
            throw new IllegalArgumentException(
                    "not a data frame: " + frame.getClass().getSimpleName());
        }
        return new ContainerFrame(ByteBufUtil.getBytes(frame.content()), messageType, frame.isFinalFragment());
    }
}
