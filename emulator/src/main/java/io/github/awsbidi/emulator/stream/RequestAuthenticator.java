package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.auth.SigV4Verifier;
import io.github.awsbidi.emulator.auth.SignatureException;
import io.github.awsbidi.emulator.auth.SignedRequest;
import io.github.awsbidi.emulator.auth.VerifiedRequest;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Inbound, first: checks the SigV4 signature of the request headers and that it is scoped to the
 * operation's service, then passes a {@link VerifiedHead} on and steps aside (later HEADERS are trailers).
 * A failure is AWS's own error type and message (AWS documentation and observed service answers, see
 * {@link SignatureException}).
 */
final class RequestAuthenticator extends ChannelInboundHandlerAdapter {

    private final SigV4Verifier verifier;
    private final String signingService;

    RequestAuthenticator(SigV4Verifier verifier, String signingService) {
        this.verifier = verifier;
        this.signingService = signingService;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Http2HeadersFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ctx.pipeline().remove(this);
        VerifiedHead head;
        try {
            head = verify(frame);
        } finally {
            ReferenceCountUtil.release(frame);
        }
        ctx.fireChannelRead(head);
    }

    private VerifiedHead verify(Http2HeadersFrame frame) {
        Http2Headers headers = frame.headers();
        RequestLine line = RequestLine.of(headers);
        VerifiedRequest verified;
        try {
            verified = verifier.verify(new SignedRequest(
                    line.method(), line.rawPath(), line.rawQuery(), RequestLine.headerMap(headers), new byte[0]));
        } catch (SignatureException e) {
            throw new StreamRejection(e.errorType(), e.getMessage());
        }
        if (!verified.service().equals(signingService)) {
            throw new StreamRejection(
                    SignatureException.INVALID_SIGNATURE,
                    "Credential should be scoped to correct service: '" + signingService + "'. ");
        }
        return new VerifiedHead(
                new RequestHead(line.method(), line.path(), RequestLine.headerMap(headers), verified),
                frame.isEndStream());
    }
}
