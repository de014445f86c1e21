package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.wire.EventStreamDecoder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Inbound: request DATA frames to signed envelopes (outer event-stream messages), and END_STREAM (on DATA
 * or on trailing HEADERS) to {@link InputEnd}. Each DATA frame is released here. Input that ends inside an
 * envelope is malformed like any other bad framing (AWS documents a message as exactly its declared length;
 * a stream that ends short of it never ends cleanly); the decoder's
 * {@link io.github.awsbidi.emulator.wire.EventStreamFormatException} travels to the {@link StreamTerminator}.
 * Once the stream has ended, what the client still sends is dropped unread.
 */
final class EnvelopeDecoder extends ChannelInboundHandlerAdapter {

    private final EventStreamDecoder decoder;

    EnvelopeDecoder(int maxEventBytes) {
        this.decoder = new EventStreamDecoder(maxEventBytes);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Http2DataFrame frame) {
            try {
                if (!StreamTerminator.hasEnded(ctx.channel())) {
                    decoder.decode(frame.content(), envelope -> {
                        if (!StreamTerminator.hasEnded(ctx.channel())) {
                            ctx.fireChannelRead(envelope);
                        }
                    });
                    if (frame.isEndStream()) {
                        endOfInput(ctx);
                    }
                }
            } finally {
                frame.release();
            }
        } else if (msg instanceof Http2HeadersFrame trailers) {
            ReferenceCountUtil.release(trailers);
            if (trailers.isEndStream() && !StreamTerminator.hasEnded(ctx.channel())) {
                endOfInput(ctx);
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void endOfInput(ChannelHandlerContext ctx) {
        decoder.endOfInput();
        ctx.fireChannelRead(InputEnd.INSTANCE);
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
