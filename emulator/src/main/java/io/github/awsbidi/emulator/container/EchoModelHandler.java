package io.github.awsbidi.emulator.container;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * The {@code echo} model: every data frame goes back unchanged (same opcode, same FIN bit). Two
 * single-frame UTF8 messages are test hooks instead: {@code {"type":"Close","code":N,"reason":"…"}}
 * makes it send a Close frame, {@code {"type":"Describe"}} answers the request path and query.
 */
final class EchoModelHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    /** Hooks are short; longer text is echoed without being parsed. */
    private static final int MAX_HOOK_BYTES = 1024;

    private final ContainerRequest request;

    EchoModelHandler(ContainerRequest request) {
        this.request = request;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (ServerClose.sent(ctx.channel())) {
            return;
        }
        if (frame instanceof TextWebSocketFrame text && text.isFinalFragment() && handledAsHook(ctx, text)) {
            return;
        }
        ctx.writeAndFlush(frame.retain());
        // Back-pressure: stop reading while the client is not taking the echoes.
        if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(true);
        }
        super.channelWritabilityChanged(ctx);
    }

    private boolean handledAsHook(ChannelHandlerContext ctx, TextWebSocketFrame text) {
        if (text.content().readableBytes() > MAX_HOOK_BYTES) {
            return false;
        }
        var message = ContainerJson.parseObject(text.content().toString(StandardCharsets.UTF_8));
        var type = message.flatMap(ContainerJson::type).orElse("");
        if (type.equals("Describe")) {
            ctx.writeAndFlush(ContainerJson.describe(request));
            return true;
        }
        if (type.equals("Close")) {
            closeAsAsked(ctx, message.orElseThrow());
            return true;
        }
        return false;
    }

    private static void closeAsAsked(ChannelHandlerContext ctx, JsonNode message) {
        JsonNode code = message.get("code");
        JsonNode reason = message.get("reason");
        if (code == null
                || !code.isInt()
                || code.intValue() < 0
                || !WebSocketCloseStatus.isValidStatusCode(code.intValue())) {
            ctx.writeAndFlush(ContainerJson.error("Close hook: 'code' must be a close code allowed on the wire "
                    + "(1000-1003, 1007-1014, 3000-4999)"));
            return;
        }
        String reasonText = reason != null && reason.isString() ? reason.stringValue() : "";
        if (reasonText.getBytes(StandardCharsets.UTF_8).length > WebSocketContainerConnection.MAX_CLOSE_REASON_BYTES) {
            ctx.writeAndFlush(ContainerJson.error("Close hook: 'reason' must be at most "
                    + WebSocketContainerConnection.MAX_CLOSE_REASON_BYTES + " bytes of UTF-8"));
            return;
        }
        ServerClose.send(ctx, code.intValue(), reasonText);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
