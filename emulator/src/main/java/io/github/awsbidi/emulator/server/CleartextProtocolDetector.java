package io.github.awsbidi.emulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import java.util.List;

/**
 * On a connection whose protocol is not negotiated (plaintext, or TLS without ALPN), tells HTTP/2 with
 * prior knowledge (the connection preface) from HTTP/1.1 (everything else) and completes the pipeline accordingly.
 */
final class CleartextProtocolDetector extends ByteToMessageDecoder {

    private final ServerSetup setup;

    CleartextProtocolDetector(ServerSetup setup) {
        this.setup = setup;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        ByteBuf preface = Http2CodecUtil.connectionPrefaceBuf();
        try {
            int length = Math.min(in.readableBytes(), preface.readableBytes());
            boolean prefixMatches = ByteBufUtil.equals(in, in.readerIndex(), preface, 0, length);
            if (prefixMatches && length < preface.readableBytes()) {
                return; // wait for more bytes
            }
            if (prefixMatches) {
                Http2Pipeline.http2(ctx.pipeline(), setup);
            } else {
                Http2Pipeline.http1(ctx.pipeline(), setup);
            }
            // Removing a ByteToMessageDecoder hands its buffered bytes to the handlers just added.
            ctx.pipeline().remove(this);
        } finally {
            preface.release();
        }
    }
}
