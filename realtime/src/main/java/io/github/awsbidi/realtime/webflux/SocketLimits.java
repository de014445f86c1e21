package io.github.awsbidi.realtime.webflux;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
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
 * The cost limits of a WebSocket, each ending counted as a refusal of the socket's {@link Admission}: the largest
 * message a client may send (close 1009, {@code reason=message_too_big}), an idle timeout (no message either way;
 * close 1008, {@code idle_timeout}) and a maximum call duration (close 1008, {@code max_duration}). Every socket holds
 * a paid model stream, so each limit bounds what one client can cost. The close reason names the limit and the
 * setting that sets it; each ending is logged once. Closing the socket ends the handler's conversation as a client's
 * close does.
 *
 * <p>A {@link WebSocketService}: the {@code /v1/realtime} endpoint upgrades through one, and an application holds its
 * own sockets to the same limits by returning one from {@code WebFluxConfigurer.getWebSocketService()}. The size check
 * is ours, so that every refusal is typed and counted; Reactor Netty's frame limit stays as a backstop, at twice the
 * limit, that stops a far larger frame before it is read at all. Thread-safe.
 */
public final class SocketLimits implements WebSocketService {

    private static final System.Logger LOG = System.getLogger(SocketLimits.class.getName());

    private final WebSocketService handshakes;
    private final Function<ServerWebExchange, @Nullable Admission> admissions;
    private final Limits limits;
    private final Scheduler timer;

    /**
     * @param limits the limits every socket is held to
     * @param admissions the admission a socket's endings are counted in, chosen by its handshake; null leaves that
     *     socket unlimited (e.g. a path that is not one of the application's paid sockets)
     * @param timer runs the duration and idle checks (e.g. {@code Schedulers.parallel()})
     */
    public SocketLimits(Limits limits, Function<ServerWebExchange, @Nullable Admission> admissions, Scheduler timer) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.admissions = Objects.requireNonNull(admissions, "admissions");
        this.timer = Objects.requireNonNull(timer, "timer");
        int frameLimit = (int)
                Math.min(Integer.MAX_VALUE, Math.max(2L * limits.maxMessageBytes(), limits.maxMessageBytes() + 65536L));
        this.handshakes = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(frameLimit)));
    }

    @Override
    public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
        Admission admission = admissions.apply(exchange);
        if (admission == null) {
            return handshakes.handleRequest(exchange, handler);
        }
        return handshakes.handleRequest(exchange, new Limited(handler, admission));
    }

    /**
     * The limits of a socket.
     *
     * @param maxMessageBytes the largest message a client may send, at least 1024
     * @param idleTimeout the longest a socket may go without a message either way
     * @param maxCallDuration the longest a socket may stay open
     * @param propertyPrefix where the settings live, named in close reasons (e.g. {@code aws.bidi.realtime} gives
     *     {@code aws.bidi.realtime.idle-timeout}), so that whoever reads a close knows what to change
     */
    public record Limits(int maxMessageBytes, Duration idleTimeout, Duration maxCallDuration, String propertyPrefix) {

        public Limits {
            if (maxMessageBytes < 1024) {
                throw new IllegalArgumentException("maxMessageBytes must be at least 1024, got " + maxMessageBytes);
            }
            positive("idleTimeout", idleTimeout);
            positive("maxCallDuration", maxCallDuration);
            Objects.requireNonNull(propertyPrefix, "propertyPrefix");
        }

        private static void positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
        }
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
                                    + text(limits.maxCallDuration()) + " (" + limits.propertyPrefix()
                                    + ".max-call-duration)")),
                    limits.maxCallDuration().toNanos(),
                    TimeUnit.NANOSECONDS));
            watchIdle(limits.idleTimeout().toNanos());
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
                        long idleNanos = limits.idleTimeout().toNanos();
                        if (quiet >= idleNanos) {
                            end(
                                    "idle_timeout",
                                    CloseStatus.POLICY_VIOLATION.withReason("idle timeout: no message for "
                                            + text(limits.idleTimeout()) + " (" + limits.propertyPrefix()
                                            + ".idle-timeout)"));
                        } else {
                            watchIdle(idleNanos - quiet);
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
            LOG.log(
                    System.Logger.Level.INFO,
                    "Closing {0} socket {1} with {2} {3}: {4}",
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
                        if (message.getPayload().readableByteCount() > limits.maxMessageBytes()) {
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
                    CloseStatus.TOO_BIG_TO_PROCESS.withReason("message over " + limits.maxMessageBytes() + " bytes ("
                            + limits.propertyPrefix() + ".max-message-size)"));
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
