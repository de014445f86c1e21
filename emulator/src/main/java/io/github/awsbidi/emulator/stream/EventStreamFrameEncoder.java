package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.wire.EventStreamEncoder;
import io.github.awsbidi.emulator.wire.EventStreamMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import java.util.List;

/** Outbound: each response event becomes one HTTP/2 DATA frame, in a buffer from the channel's allocator. */
final class EventStreamFrameEncoder extends MessageToMessageEncoder<EventStreamMessage> {

    EventStreamFrameEncoder() {
        super(EventStreamMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, EventStreamMessage event, List<Object> out) {
        out.add(new DefaultHttp2DataFrame(EventStreamEncoder.encode(event, ctx.alloc())));
    }
}
