package io.github.awsbidi.emulator.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;

/**
 * On a TLS connection, completes the pipeline for the protocol ALPN chose. A client that negotiated
 * nothing is sniffed like a plaintext one: the AWS SDK's Netty client, by default, assumes HTTP/2 over
 * TLS without ALPN.
 */
final class AlpnProtocolHandler extends ApplicationProtocolNegotiationHandler {

    private static final String NONE = "none";

    private final ServerSetup setup;

    AlpnProtocolHandler(ServerSetup setup) {
        super(NONE);
        this.setup = setup;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        switch (protocol) {
            case ApplicationProtocolNames.HTTP_2 -> Http2Pipeline.http2(ctx.pipeline(), setup);
            case ApplicationProtocolNames.HTTP_1_1 -> Http2Pipeline.http1(ctx.pipeline(), setup);
            default -> ctx.pipeline().addLast(new CleartextProtocolDetector(setup));
        }
    }
}
