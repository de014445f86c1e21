package io.github.awsbidi.emulator.container;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;

/**
 * The HTTP side of a built-in container: {@code GET /ping} answers 200 (the container contract's
 * health check), a WebSocket upgrade at any path is accepted and the pipeline switched to the
 * control-frame handler and the model; anything else is 404.
 */
final class ContainerHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final BuiltInModel model;
    private final WebSocketDecoderConfig decoderConfig;

    ContainerHttpHandler(BuiltInModel model, int maxFramePayloadBytes) {
        this.model = model;
        this.decoderConfig = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(maxFramePayloadBytes)
                .allowExtensions(false)
                .expectMaskedFrames(true)
                .closeOnProtocolViolation(true)
                .build();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            upgrade(ctx, request);
        } else if (request.method().equals(HttpMethod.GET)
                && ContainerRequest.fromUri(request.uri()).path().equals("/ping")) {
            respond(ctx, request, HttpResponseStatus.OK);
        } else {
            respond(ctx, request, HttpResponseStatus.NOT_FOUND);
        }
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
        var containerRequest = ContainerRequest.fromUri(request.uri());
        String location = "ws://" + request.headers().get(HttpHeaderNames.HOST, "127.0.0.1") + containerRequest.path();
        WebSocketServerHandshaker handshaker =
                new WebSocketServerHandshakerFactory(location, null, decoderConfig).newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        try {
            handshaker.handshake(ctx.channel(), request).addListener(future -> {
                if (!future.isSuccess()) {
                    ctx.channel().close();
                }
            });
        } catch (WebSocketHandshakeException e) {
            // A malformed upgrade (e.g. no Sec-WebSocket-Key); the HTTP codec is still in place.
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST);
            return;
        }
        // Still inside this read, so no frame can arrive before the pipeline is switched.
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addBefore(ctx.name(), "ws-utf8-validator", new Utf8FrameValidator(true));
        pipeline.addAfter(ctx.name(), "ws-model", model.newConnectionHandler(containerRequest));
        pipeline.replace(this, "ws-control", new ServerControlFrameHandler(handshaker));
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), status);
        HttpUtil.setContentLength(response, 0);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
