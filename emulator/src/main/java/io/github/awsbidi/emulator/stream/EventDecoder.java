package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.wire.EventStreamDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Inbound: the payload of one signed envelope (a buffer this handler releases) to the request event inside
 * it. An envelope must carry whole events; one that ends inside an event is malformed.
 */
final class EventDecoder extends ChannelInboundHandlerAdapter {

    private final EventStreamDecoder decoder;

    EventDecoder(int maxEventBytes) {
        this.decoder = new EventStreamDecoder(maxEventBytes);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf payload)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            decoder.decode(payload, ctx::fireChannelRead);
        } finally {
            payload.release();
        }
        if (decoder.hasPendingBytes()) {
            throw new StreamRejection("SerializationException", "A signed envelope must carry exactly one whole event");
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        decoder.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        decoder.close();
        ctx.fireChannelInactive();
    }
}
