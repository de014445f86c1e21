package io.github.awsbidi.emulator.container;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The {@code transcribe-sim} model, a scripted speech-to-text shaped like Deepgram's streaming API:
 * each binary frame of 16-bit LE mono PCM is answered with a {@code Results} JSON frame, a partial
 * ({@code is_final:false}) for a FIN=0 fragment and a final one describing the utterance for the
 * frame that completes a message. UTF8 messages are control messages: {@code KeepAlive},
 * {@code Finalize}, {@code CloseStream}.
 */
final class TranscribeSimModelHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    static final int DEFAULT_SAMPLE_RATE = 16_000;
    static final int MIN_SAMPLE_RATE = 1_000;
    static final int MAX_SAMPLE_RATE = 192_000;
    /** Below this RMS level an utterance counts as silence. */
    static final double SILENCE_RMS = 0.01;

    private static final int MAX_CONTROL_MESSAGE_BYTES = 64 * 1024;

    private enum Message {
        NONE,
        AUDIO,
        CONTROL
    }

    private final ContainerRequest request;
    private final @Nullable String sampleRateError;
    private final PcmUtterance utterance;
    private long streamSamples;
    private final int sampleRate;
    private Message message = Message.NONE;
    private @Nullable ByteBuf controlText;
    private boolean controlTooLarge;

    TranscribeSimModelHandler(ContainerRequest request) {
        this.request = request;
        String error = null;
        int rate = DEFAULT_SAMPLE_RATE;
        List<String> values =
                new QueryStringDecoder(request.query(), false).parameters().get("sample_rate");
        if (values != null && !values.isEmpty()) {
            try {
                rate = Integer.parseInt(values.get(0));
            } catch (NumberFormatException e) {
                rate = -1;
            }
            if (rate < MIN_SAMPLE_RATE || rate > MAX_SAMPLE_RATE) {
                error = "sample_rate must be an integer from " + MIN_SAMPLE_RATE + " to " + MAX_SAMPLE_RATE;
                rate = DEFAULT_SAMPLE_RATE;
            }
        }
        this.sampleRate = rate;
        this.sampleRateError = error;
        this.utterance = new PcmUtterance(rate);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (sampleRateError != null) {
            ServerClose.send(ctx, WebSocketCloseStatus.POLICY_VIOLATION.code(), sampleRateError);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (ServerClose.sent(ctx.channel())) {
            return;
        }
        if (frame instanceof BinaryWebSocketFrame) {
            message = Message.AUDIO;
        } else if (frame instanceof TextWebSocketFrame) {
            message = Message.CONTROL;
        } else if (!(frame instanceof ContinuationWebSocketFrame)) {
            return;
        }
        if (message == Message.AUDIO) {
            onAudio(ctx, frame);
        } else if (message == Message.CONTROL) {
            onControlFragment(ctx, frame);
        }
        if (frame.isFinalFragment()) {
            message = Message.NONE;
        }
    }

    private void onAudio(ChannelHandlerContext ctx, WebSocketFrame frame) {
        utterance.add(frame.content());
        if (frame.isFinalFragment()) {
            sendFinal(ctx);
        } else {
            ctx.writeAndFlush(results(false));
        }
    }

    private void sendFinal(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(results(true));
        streamSamples += utterance.samples();
        utterance.reset();
    }

    private TextWebSocketFrame results(boolean isFinal) {
        var json = ContainerJson.object().put("type", "Results").put("is_final", isFinal);
        json.putObject("channel").putArray("alternatives").addObject().put("transcript", transcript());
        json.put("duration", utterance.durationSeconds())
                .put("rms", utterance.rms())
                .put("bytes", utterance.bytes());
        return ContainerJson.frame(json);
    }

    private String transcript() {
        double rms = utterance.rms();
        return rms < SILENCE_RMS
                ? String.format(Locale.ROOT, "heard %.2f seconds of silence", utterance.durationSeconds())
                : String.format(
                        Locale.ROOT, "heard %.2f seconds of speech at level %.2f", utterance.durationSeconds(), rms);
    }

    private void onControlFragment(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (controlText == null) {
            controlText = Unpooled.buffer();
        }
        ByteBuf content = frame.content();
        if (controlText.readableBytes() + content.readableBytes() <= MAX_CONTROL_MESSAGE_BYTES) {
            controlText.writeBytes(content, content.readerIndex(), content.readableBytes());
        } else {
            controlTooLarge = true;
        }
        if (!frame.isFinalFragment()) {
            return;
        }
        String text = controlText.toString(StandardCharsets.UTF_8);
        controlText.release();
        controlText = null;
        if (controlTooLarge) {
            controlTooLarge = false;
            ctx.writeAndFlush(
                    ContainerJson.error("UTF8 messages must be at most " + MAX_CONTROL_MESSAGE_BYTES + " bytes"));
        } else {
            onControl(ctx, text);
        }
    }

    private void onControl(ChannelHandlerContext ctx, String text) {
        var parsed = ContainerJson.parseObject(text);
        if (parsed.isEmpty()) {
            ctx.writeAndFlush(ContainerJson.error("UTF8 messages must be JSON objects with a string field 'type'"));
            return;
        }
        String type = ContainerJson.type(parsed.get()).orElse("");
        switch (type) {
            case "KeepAlive" -> {}
            case "Finalize" -> finalizePending(ctx);
            case "CloseStream" -> closeStream(ctx);
            default ->
                ctx.writeAndFlush(ContainerJson.error(
                        "unknown message type '" + type + "'; expected KeepAlive, Finalize or CloseStream"));
        }
    }

    private void finalizePending(ChannelHandlerContext ctx) {
        if (!utterance.isEmpty()) {
            sendFinal(ctx);
        }
    }

    private void closeStream(ChannelHandlerContext ctx) {
        finalizePending(ctx);
        ctx.writeAndFlush(ContainerJson.frame(ContainerJson.object()
                .put("type", "Metadata")
                .put("path", request.path())
                .put("query", request.query())
                .put("total_duration", (double) streamSamples / sampleRate)));
        ServerClose.send(ctx, WebSocketCloseStatus.NORMAL_CLOSURE.code(), "stream closed");
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (controlText != null) {
            controlText.release();
            controlText = null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
