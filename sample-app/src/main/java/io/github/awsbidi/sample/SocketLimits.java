package io.github.awsbidi.sample;

import io.github.awsbidi.realtime.webflux.Admission;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * The cost limits of every socket the sample maps ({@link SocketSurfaces}), as the OpenAI Realtime façade limits its
 * own: the message size ({@code sample.web.max-message-size}, close 1009; Reactor Netty's frame limit, as the façade's,
 * is the backstop at twice that size), an idle
 * timeout ({@code sample.web.idle-timeout}: no message either way, close 1008) and a maximum call duration ({@code
 * sample.web.max-call-duration}, close 1008). Each ending is counted in {@code aws.bidi.admission.refused} through the
 * surface's {@link Admission} ({@code reason=message_too_big}, {@code idle_timeout}, {@code max_duration}) and logged
 * once. Closing the socket ends the handler's conversation as a client's close does.
 */
final class SocketLimits implements WebSocketService {

    private static final Logger log = LoggerFactory.getLogger(SocketLimits.class);

    private final WebSocketService handshakes;
    private final SocketSurfaces surfaces;
    private final Duration maxCallDuration;
    private final Duration idleTimeout;
    private final int maxMessageBytes;
    private final Scheduler timer;

    SocketLimits(WebProperties properties, SocketSurfaces surfaces, Scheduler timer) {
        this.surfaces = surfaces;
        this.maxCallDuration = properties.maxCallDuration();
        this.idleTimeout = properties.idleTimeout();
        this.maxMessageBytes = (int) properties.maxMessageSize().toBytes();
        this.timer = timer;
        // The size check is ours, so that every refusal is typed and counted; Reactor Netty's frame limit stays as a
        // backstop (at twice the limit) that stops a far larger frame before it is read at all.
        int frameLimit = (int) Math.min(Integer.MAX_VALUE, Math.max(2L * maxMessageBytes, maxMessageBytes + 65536L));
        this.handshakes = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(frameLimit)));
    }

    @Override
    public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
        Admission admission = surfaces.forPath(
                exchange.getRequest().getPath().pathWithinApplication().value());
        if (admission == null) {
            return handshakes.handleRequest(exchange, handler);
        }
        return handshakes.handleRequest(exchange, new Limited(handler, admission));
    }

    /** {@code PT15M} as {@code 15m}, {@code PT0.3S} as {@code 0.3s}. */
    static String text(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** Whether a failure of the inbound side is a message over the size limit (Netty's frame or aggregation limit). */
    static boolean tooBig(Throwable error) {
        for (@Nullable Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CorruptedWebSocketFrameException corrupted
                    && corrupted.closeStatus().code() == CloseStatus.TOO_BIG_TO_PROCESS.getCode()) {
                return true;
            }
            if (cause instanceof TooLongFrameException) {
                return true;
            }
        }
        return false;
    }

    private final class Limited implements WebSocketHandler {

        private final WebSocketHandler handler;
        private final Admission admission;

        Limited(WebSocketHandler handler, Admission admission) {
            this.handler = handler;
            this.admission = admission;
        }

        @Override
        public List<String> getSubProtocols() {
            return handler.getSubProtocols();
        }

        @Override
        public Mono<Void> handle(WebSocketSession session) {
            Watched watched = new Watched(session, admission);
            return Mono.defer(() -> {
                        watched.start();
                        return handler.handle(watched);
                    })
                    .doFinally(signal -> watched.stop());
        }
    }

    /** The handler's view of the socket: every message either way counts as activity; the limits watch it. */
    private final class Watched implements WebSocketSession {

        private final WebSocketSession socket;
        private final Admission admission;
        private final AtomicLong lastActivity;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final Disposable.Composite timers = Disposables.composite();
        private final Disposable.Swap idle = Disposables.swap();

        Watched(WebSocketSession socket, Admission admission) {
            this.socket = socket;
            this.admission = admission;
            this.lastActivity = new AtomicLong(now());
            timers.add(idle);
        }

        void start() {
            timers.add(timer.schedule(
                    () -> end(
                            "max_duration",
                            CloseStatus.POLICY_VIOLATION.withReason("call over its maximum duration of "
                                    + text(maxCallDuration) + " (sample.web.max-call-duration)")),
                    maxCallDuration.toNanos(),
                    TimeUnit.NANOSECONDS));
            watchIdle(idleTimeout.toNanos());
        }

        void stop() {
            timers.dispose();
        }

        private long now() {
            return timer.now(TimeUnit.NANOSECONDS);
        }

        private void touch() {
            lastActivity.set(now());
        }

        /** Checks for idleness when it could first have happened, then again from the last activity seen. */
        private void watchIdle(long delayNanos) {
            idle.update(timer.schedule(
                    () -> {
                        long quiet = now() - lastActivity.get();
                        if (quiet >= idleTimeout.toNanos()) {
                            end(
                                    "idle_timeout",
                                    CloseStatus.POLICY_VIOLATION.withReason("idle timeout: no message for "
                                            + text(idleTimeout) + " (sample.web.idle-timeout)"));
                        } else {
                            watchIdle(idleTimeout.toNanos() - quiet);
                        }
                    },
                    delayNanos,
                    TimeUnit.NANOSECONDS));
        }

        private void end(String reason, CloseStatus status) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            timers.dispose();
            admission.refused(reason);
            log.info(
                    "Closing {} socket {} with {} {}: {}",
                    socket.getHandshakeInfo().getUri().getPath(),
                    socket.getId(),
                    status.getCode(),
                    reason,
                    status.getReason());
            socket.close(status).subscribe(null, error -> {});
        }

        @Override
        public Flux<WebSocketMessage> receive() {
            return socket.receive()
                    .filter(message -> {
                        touch();
                        if (message.getPayload().readableByteCount() > maxMessageBytes) {
                            tooBig();
                            return false; // dropped unread; Reactor Netty releases the frame
                        }
                        return true;
                    })
                    .onErrorResume(SocketLimits::tooBig, error -> {
                        tooBig();
                        return Flux.empty();
                    });
        }

        private void tooBig() {
            end(
                    "message_too_big",
                    CloseStatus.TOO_BIG_TO_PROCESS.withReason(
                            "message over " + maxMessageBytes + " bytes (sample.web.max-message-size)"));
        }

        @Override
        public Mono<Void> send(Publisher<WebSocketMessage> messages) {
            return socket.send(Flux.from(messages).doOnNext(message -> touch()));
        }

        @Override
        public String getId() {
            return socket.getId();
        }

        @Override
        public HandshakeInfo getHandshakeInfo() {
            return socket.getHandshakeInfo();
        }

        @Override
        public DataBufferFactory bufferFactory() {
            return socket.bufferFactory();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return socket.getAttributes();
        }

        @Override
        public boolean isOpen() {
            return socket.isOpen();
        }

        @Override
        public Mono<Void> close(CloseStatus status) {
            return socket.close(status);
        }

        @Override
        public Mono<CloseStatus> closeStatus() {
            return socket.closeStatus();
        }

        @Override
        public WebSocketMessage textMessage(String payload) {
            return socket.textMessage(payload);
        }

        @Override
        public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return socket.binaryMessage(payloadFactory);
        }

        @Override
        public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return socket.pingMessage(payloadFactory);
        }

        @Override
        public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return socket.pongMessage(payloadFactory);
        }
    }
}
