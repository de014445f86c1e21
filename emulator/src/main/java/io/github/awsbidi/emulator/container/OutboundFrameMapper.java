package io.github.awsbidi.emulator.container;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Maps outgoing {@link ContainerFrame}s to WebSocket frames, tracking RFC 6455 fragmentation: the
 * first frame of a message is a text or binary frame, the ones after a {@code last=false} frame are
 * continuation frames until one with {@code last=true}. A continuation takes its message's type,
 * whatever type the part declares, as SageMaker maps only the completion state onto the FIN bit.
 * Not thread-safe: callers serialise.
 */
final class OutboundFrameMapper {

    private boolean inMessage;

    /** The frame to write; it wraps the payload array without copying and owns its buffer. */
    WebSocketFrame map(ContainerFrame frame) {
        var content = Unpooled.wrappedBuffer(frame.payload());
        WebSocketFrame mapped;
        if (inMessage) {
            mapped = new ContinuationWebSocketFrame(frame.last(), 0, content);
        } else if (frame.type() == PayloadType.UTF8) {
            mapped = new TextWebSocketFrame(frame.last(), 0, content);
        } else {
            mapped = new BinaryWebSocketFrame(frame.last(), 0, content);
        }
        inMessage = !frame.last();
        return mapped;
    }
}
