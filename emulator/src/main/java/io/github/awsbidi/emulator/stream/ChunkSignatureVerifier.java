package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.auth.ChunkSignatureChain;
import io.github.awsbidi.emulator.auth.SignatureException;
import io.github.awsbidi.emulator.wire.EventStreamMessage;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.jspecify.annotations.Nullable;

/**
 * Inbound: verifies each signed envelope against the chain seeded by the request signature and passes its
 * payload, the encoded request event, on as a buffer the next handler owns. The final envelope (empty
 * payload) only ends the chain. A broken chain ends the stream with AWS's signature error.
 */
final class ChunkSignatureVerifier extends ChannelInboundHandlerAdapter {

    private @Nullable ChunkSignatureChain chain;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof StreamOpened opened) {
            chain = opened.head().signature().chunkChain();
            ctx.fireChannelRead(msg);
        } else if (msg instanceof EventStreamMessage envelope) {
            verify(envelope);
            if (envelope.payload().length > 0) {
                ctx.fireChannelRead(Unpooled.wrappedBuffer(envelope.payload()));
            }
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private void verify(EventStreamMessage envelope) {
        ChunkSignatureChain current = chain;
        if (current == null) {
            throw new IllegalStateException("envelope before the stream opened");
        }
        try {
            current.verifyNext(envelope);
        } catch (SignatureException e) {
            throw new StreamRejection(e.errorType(), e.getMessage());
        }
    }
}
