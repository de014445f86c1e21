package io.github.awsbidi.emulator.controlplane;

import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.auth.SigV4Verifier;
import io.github.awsbidi.emulator.auth.SignatureException;
import io.github.awsbidi.emulator.auth.SignedRequest;
import io.github.awsbidi.emulator.auth.VerifiedRequest;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.HttpConversionUtil;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the control-plane calls on an aggregated HTTP request (HTTP/1.1, or HTTP/2 converted to
 * HTTP objects), after checking the request's SigV4 signature.
 */
public final class ControlPlaneHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Supplier<EmulatorConfig> config;
    private final SigV4Verifier verifier;

    public ControlPlaneHandler(Supplier<EmulatorConfig> config, SigV4Verifier verifier) {
        this.config = config;
        this.verifier = verifier;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        ControlPlaneResponse answer = answer(request);
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()),
                Unpooled.wrappedBuffer(answer.json().getBytes(StandardCharsets.UTF_8)));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .set("x-amzn-requestid", UUID.randomUUID().toString())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        if (answer.errorType() != null) {
            response.headers().set("x-amzn-errortype", answer.errorType());
        }
        String streamId = request.headers().get(HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text());
        if (streamId != null) {
            response.headers().set(HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text(), streamId);
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private ControlPlaneResponse answer(FullHttpRequest request) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        String rawPath = query < 0 ? uri : uri.substring(0, query);
        String rawQuery = query < 0 ? "" : uri.substring(query + 1);
        VerifiedRequest verified;
        try {
            verified = verifier.verify(new SignedRequest(
                    request.method().name(),
                    rawPath,
                    rawQuery,
                    headers(request),
                    ByteBufUtil.getBytes(request.content())));
        } catch (SignatureException e) {
            return ControlPlaneResponse.error(e.errorType(), e.getMessage());
        }
        String target = request.headers().get("x-amz-target", "");
        if (target.equals("SageMaker.DescribeEndpoint") && verified.service().equals("sagemaker")) {
            JsonNode body = JSON.readTree(request.content().toString(StandardCharsets.UTF_8));
            return DescribeEndpoint.answer(config.get(), body, verified.region());
        }
        if (request.method().name().equals("GET")
                && rawPath.startsWith(GetFoundationModel.PATH_PREFIX)
                && verified.service().equals("bedrock")) {
            String modelId = URLDecoder.decode(
                    rawPath.substring(GetFoundationModel.PATH_PREFIX.length()), StandardCharsets.UTF_8);
            return GetFoundationModel.answer(config.get(), modelId, verified.region());
        }
        if (request.method().name().equals("GET")
                && rawPath.equals(DescribeVoices.PATH)
                && verified.service().equals("polly")) {
            return DescribeVoices.answer(config.get(), rawQuery);
        }
        return ControlPlaneResponse.error(
                "UnknownOperationException",
                "The emulator does not serve " + request.method() + " " + rawPath
                        + (target.isEmpty() ? "" : " (" + target + ")"));
    }

    private static Map<String, List<String>> headers(FullHttpRequest request) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        request.headers().forEach(entry -> {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (!name.startsWith("x-http2-")) {
                map.computeIfAbsent(name, key -> new ArrayList<>()).add(entry.getValue());
            }
        });
        return map;
    }
}
