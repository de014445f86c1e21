package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.auth.ChunkSignatureChain;
import io.github.awsbidi.emulator.auth.SignatureException;
import io.github.awsbidi.emulator.auth.SignedRequest;
import io.github.awsbidi.emulator.auth.VerifiedRequest;
import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.config.OpenError;
import io.github.awsbidi.emulator.wire.EventStreamDecoder;
import io.github.awsbidi.emulator.wire.EventStreamEncoder;
import io.github.awsbidi.emulator.wire.EventStreamFormatException;
import io.github.awsbidi.emulator.wire.EventStreamMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Serves one bidirectional HTTP/2 stream: verifies the request signature, asks the matching
 * {@link StreamResolver} whether it opens, unwraps each signed envelope (verifying its chained
 * signature) into request events for the {@link StreamOperation}, writes its response events,
 * and injects the configured faults. Lives on the HTTP/2 child channel, so every callback runs on
 * that stream's event loop.
 */
public final class BidiStreamHandler extends ChannelInboundHandlerAdapter {

    private static final String EVENT_STREAM = "application/vnd.amazon.eventstream";

    private enum State { AWAITING_HEADERS, RESOLVING, OPEN, ENDED }

    private final StreamEnvironment environment;
    private final String requestId = UUID.randomUUID().toString();
    private final EventStreamDecoder envelopeDecoder;
    private final EventStreamDecoder eventDecoder;
    private State state = State.AWAITING_HEADERS;
    private @Nullable ChannelHandlerContext ctx;
    private @Nullable ChunkSignatureChain chain;
    private @Nullable StreamOperation operation;
    private Faults faults = Faults.none();
    private boolean inputComplete;
    private int requestEvents;
    private @Nullable Consumer<Boolean> writabilityListener;

    public BidiStreamHandler(StreamEnvironment environment) {
        this.environment = environment;
        this.envelopeDecoder = new EventStreamDecoder(environment.maxEventBytes());
        this.eventDecoder = new EventStreamDecoder(environment.maxEventBytes());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        // Nothing is read (and no flow-control window returned) until the stream is open.
        context.channel().config().setAutoRead(false);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        try {
            if (msg instanceof Http2HeadersFrame headers) {
                onHeaders(headers);
            } else if (msg instanceof Http2DataFrame data) {
                onData(data);
            } else if (msg instanceof Http2ResetFrame) {
                onClientReset();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (state != State.ENDED) {
            onClientReset();
        }
        releaseDecoders();
        context.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        Consumer<Boolean> listener = writabilityListener;
        if (listener != null && state == State.OPEN) {
            listener.accept(context.channel().isWritable());
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (state == State.OPEN) {
            cancelOperation();
            endWith(true);
        }
        context.close();
    }

    private void onHeaders(Http2HeadersFrame frame) {
        if (state != State.AWAITING_HEADERS) {
            // Trailers: treat their end-of-stream like an empty final DATA frame.
            if (frame.isEndStream()) {
                onInputEnd();
            }
            return;
        }
        state = State.RESOLVING;
        Http2Headers headers = frame.headers();
        RequestLine line = RequestLine.of(headers);
        Optional<StreamResolver> resolver = environment.resolvers().stream().filter(r -> r.matches(line.path())).findFirst();
        if (resolver.isEmpty()) {
            reject(AwsErrors.reject("UnknownOperationException", "No operation at " + line.path()));
            return;
        }
        VerifiedRequest verified;
        try {
            verified = environment.verifier().verify(new SignedRequest(line.method(), line.rawPath(), line.rawQuery(),
                    RequestLine.headerMap(headers), new byte[0]));
        } catch (SignatureException e) {
            reject(AwsErrors.reject(e.errorType(), e.getMessage()));
            return;
        }
        if (!verified.service().equals(resolver.get().signingService())) {
            reject(AwsErrors.reject("InvalidSignatureException", "Credential should be scoped to correct service: '"
                    + resolver.get().signingService() + "'. "));
            return;
        }
        chain = verified.chunkChain();
        inputComplete = frame.isEndStream();
        RequestHead head = new RequestHead(line.method(), line.path(), RequestLine.headerMap(headers), verified);
        Channel channel = channel();
        resolver.get().resolve(head).whenComplete((decision, error) -> channel.eventLoop().execute(() -> {
            if (error != null) {
                reject(AwsErrors.reject("InternalServerException", "Internal error: " + error.getMessage()));
            } else {
                onDecision(head, decision);
            }
        }));
    }

    private void onDecision(RequestHead head, OpenDecision decision) {
        if (state != State.RESOLVING) {
            // The client went away while we were resolving.
            if (decision instanceof OpenDecision.Open open) {
                open.operation().onCancel();
            }
            return;
        }
        if (decision instanceof OpenDecision.Reject rejection) {
            reject(rejection);
            return;
        }
        OpenDecision.Open open = (OpenDecision.Open) decision;
        OpenError openError = open.faults().openError();
        if (openError != null) {
            int previous = environment.openAttempts().next(head.path());
            if (openError.count() < 0 || previous < openError.count()) {
                open.operation().onCancel();
                reject(AwsErrors.reject(openError.errorType(), openError.message()));
                return;
            }
        }
        operation = open.operation();
        faults = open.faults();
        Duration delay = faults.firstResponseDelay();
        if (delay != null && !delay.isZero()) {
            channel().eventLoop().schedule(() -> open(open.responseHeaders()), delay.toNanos(), TimeUnit.NANOSECONDS);
        } else {
            open(open.responseHeaders());
        }
    }

    private void open(Map<String, String> extraHeaders) {
        if (state != State.RESOLVING) {
            cancelOperation();
            return;
        }
        state = State.OPEN;
        Http2Headers headers = new DefaultHttp2Headers().status("200")
                .set("content-type", EVENT_STREAM)
                .set("x-amzn-requestid", requestId);
        extraHeaders.forEach((name, value) -> headers.set(name.toLowerCase(java.util.Locale.ROOT), value));
        context().writeAndFlush(new DefaultHttp2HeadersFrame(headers));
        environment.observer().opened();
        operation().start(new Context());
        if (inputComplete) {
            // END_STREAM came before the stream opened (e.g. on the request headers).
            operation().onInputComplete();
        }
        channel().config().setAutoRead(true);
        channel().read();
    }

    private void onData(Http2DataFrame frame) {
        if (state != State.OPEN) {
            return;
        }
        try {
            envelopeDecoder.decode(frame.content(), this::onEnvelope);
        } catch (EventStreamFormatException e) {
            failStream("SerializationException", "Malformed event-stream message: " + e.getMessage());
            return;
        } catch (StreamFailure e) {
            failStream(e.errorCode, e.getMessage());
            return;
        }
        if (frame.isEndStream()) {
            onInputEnd();
        }
    }

    private void onEnvelope(EventStreamMessage envelope) {
        if (state != State.OPEN) {
            return;
        }
        try {
            chain().verifyNext(envelope);
        } catch (SignatureException e) {
            throw new StreamFailure(e.errorType(), e.getMessage());
        }
        if (envelope.payload().length == 0) {
            return; // the signed end-of-stream marker
        }
        ByteBuf inner = Unpooled.wrappedBuffer(envelope.payload());
        try {
            eventDecoder.decode(inner, this::onRequestEvent);
        } finally {
            inner.release();
        }
        if (eventDecoder.hasPendingBytes()) {
            throw new StreamFailure("SerializationException", "A signed envelope must carry exactly one whole event");
        }
    }

    private void onRequestEvent(EventStreamMessage event) {
        if (state != State.OPEN) {
            return;
        }
        requestEvents++;
        operation().onEvent(event);
        applyFrameFaults();
    }

    private void applyFrameFaults() {
        if (state != State.OPEN) {
            return;
        }
        var inStream = faults.inStreamError();
        if (inStream != null && requestEvents >= inStream.afterFrames()) {
            cancelOperation();
            sendException(inStream.type(), AwsErrors.jsonBytes(Map.of("message", inStream.message(), "Message", inStream.message())));
            return;
        }
        if (reached(faults.resetAfterFrames())) {
            cancelOperation();
            // Response DATA waits in the connection's flow controller while RST_STREAM is written at
            // once; flushing first keeps the wire order a real server has: answers, then the reset.
            Channel parent = channel().parent();
            if (parent != null) {
                parent.flush();
            }
            context().writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.INTERNAL_ERROR));
            endWith(false);
            return;
        }
        if (reached(faults.goAwayAfterFrames()) && requestEvents == faults.goAwayAfterFrames()) {
            // Graceful GOAWAY: streams already open finish, new ones must use another connection.
            Channel parent = channel().parent();
            if (parent != null) {
                parent.writeAndFlush(new DefaultHttp2GoAwayFrame(Http2Error.NO_ERROR));
            }
        }
        if (reached(faults.closeConnectionAfterFrames())) {
            cancelOperation();
            endWith(false);
            Channel parent = channel().parent();
            (parent != null ? parent : channel()).close();
        }
    }

    private boolean reached(@Nullable Integer limit) {
        return limit != null && requestEvents >= limit;
    }

    private void onInputEnd() {
        if (state == State.OPEN && !inputComplete) {
            try {
                envelopeDecoder.endOfInput();
            } catch (EventStreamFormatException e) {
                failStream("SerializationException", "Malformed event-stream message: " + e.getMessage());
                return;
            }
            inputComplete = true;
            operation().onInputComplete();
        } else if (state == State.RESOLVING) {
            inputComplete = true;
        }
    }

    private void onClientReset() {
        if (state == State.OPEN) {
            environment.observer().resetByClient();
            cancelOperation();
            endWith(false);
        } else if (state == State.RESOLVING) {
            state = State.ENDED;
        }
    }

    private void reject(OpenDecision.Reject rejection) {
        if (state == State.ENDED) {
            return;
        }
        state = State.ENDED;
        Http2Headers headers = new DefaultHttp2Headers().status(Integer.toString(rejection.status()))
                .set("content-type", "application/json")
                .set("x-amzn-errortype", rejection.errorType())
                .set("x-amzn-requestid", requestId);
        ChannelHandlerContext context = context();
        context.write(new DefaultHttp2HeadersFrame(headers));
        byte[] body = rejection.body().getBytes(StandardCharsets.UTF_8);
        // END_STREAM on the body and no RST_STREAM after it: a reset that follows the response at once makes
        // the SDK drop the body it has not read yet, losing the message. The SDK closes its side itself.
        context.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true));
        drainInput();
    }

    private void failStream(String errorCode, String message) {
        cancelOperation();
        sendEvent(EventStreamMessage.error(errorCode, message));
        finish();
    }

    private void sendException(String exceptionType, byte[] json) {
        sendEvent(EventStreamMessage.exception(exceptionType, json));
        finish();
    }

    private void sendEvent(EventStreamMessage event) {
        if (state != State.OPEN) {
            return;
        }
        ChannelHandlerContext context = context();
        context.writeAndFlush(new DefaultHttp2DataFrame(EventStreamEncoder.encode(event, context.alloc())));
    }

    private void finish() {
        if (state != State.OPEN) {
            return;
        }
        context().writeAndFlush(new DefaultHttp2DataFrame(true));
        endWith(true);
    }

    private void endWith(boolean cleanly) {
        if (state != State.OPEN) {
            state = State.ENDED;
            drainInput();
            return;
        }
        state = State.ENDED;
        drainInput();
        if (cleanly) {
            environment.observer().completed();
        }
        environment.observer().closed();
    }

    /**
     * Reads (and drops) whatever the client still sends after the stream ended. Netty closes a stream
     * channel only once its inbound queue is read to the end; left unread, the queued DATA frames would
     * never be released.
     */
    private void drainInput() {
        Channel channel = channel();
        channel.config().setAutoRead(true);
        channel.read();
    }

    private void cancelOperation() {
        StreamOperation current = operation;
        if (current != null && state == State.OPEN) {
            current.onCancel();
        }
    }

    private void releaseDecoders() {
        envelopeDecoder.close();
        eventDecoder.close();
    }

    private ChannelHandlerContext context() {
        ChannelHandlerContext context = ctx;
        if (context == null) {
            throw new IllegalStateException("handler not added");
        }
        return context;
    }

    private Channel channel() {
        return context().channel();
    }

    private StreamOperation operation() {
        StreamOperation current = operation;
        if (current == null) {
            throw new IllegalStateException("stream not open");
        }
        return current;
    }

    private ChunkSignatureChain chain() {
        ChunkSignatureChain current = chain;
        if (current == null) {
            throw new IllegalStateException("request not verified");
        }
        return current;
    }

    /** A failure that ends this stream with an error event. */
    private static final class StreamFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String errorCode;

        StreamFailure(String errorCode, String message) {
            super(message, null, false, false);
            this.errorCode = errorCode;
        }
    }

    /** The operation's view of this stream; every call hops onto the stream's event loop. */
    private final class Context implements StreamContext {

        @Override
        public void send(EventStreamMessage event) {
            onLoop(() -> sendEvent(event));
        }

        @Override
        public void complete() {
            onLoop(BidiStreamHandler.this::finish);
        }

        @Override
        public void failWithException(String exceptionType, byte[] jsonPayload) {
            onLoop(() -> sendException(exceptionType, jsonPayload));
        }

        @Override
        public void failWithError(String errorCode, String message) {
            onLoop(() -> failStream(errorCode, message));
        }

        @Override
        public void pauseInput() {
            onLoop(() -> {
                if (state == State.OPEN) {
                    channel().config().setAutoRead(false);
                }
            });
        }

        @Override
        public void resumeInput() {
            onLoop(() -> {
                if (state == State.OPEN && !channel().config().isAutoRead()) {
                    channel().config().setAutoRead(true);
                    channel().read();
                }
            });
        }

        @Override
        public void onWritabilityChanged(Consumer<Boolean> listener) {
            onLoop(() -> writabilityListener = listener);
        }

        @Override
        public ScheduledExecutorService scheduler() {
            return channel().eventLoop();
        }

        private void onLoop(Runnable action) {
            Channel channel = channel();
            if (channel.eventLoop().inEventLoop()) {
                action.run();
            } else {
                channel.eventLoop().execute(action);
            }
        }
    }
}
