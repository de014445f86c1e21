package io.github.awsbidi.core.internal;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.core.listener.Outcome;
import io.github.awsbidi.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * One logical exchange: up to {@link RetryPolicy#maxAttempts()} attempts to open a stream, the relay of the caller's
 * frames, the response frames of the attempt that opened, and the listener callbacks.
 *
 * @param <I> the SDK's request event type
 */
final class ExchangeRun<I> implements RequestRelay.Events {

    /** How long an attempt may go without an HTTP/2 stream before the endpoint's protocol is probed. */
    static final Duration SLOW_CONNECT = Duration.ofSeconds(3);

    /** Tells an {@link io.github.awsbidi.core.Exchange} handle that the stream exists. */
    interface LiveListener {
        void streamLive();
    }

    private final StreamTransport<I> transport;
    private final ExchangeOptions options;
    private final RetryPolicy retryPolicy;
    private final Duration openTimeout;
    private final ExchangeListener listener;
    private final boolean listening;
    private final DefaultExchangeContext context;
    private final RequestRelay<I> relay;
    private final @Nullable LiveListener liveListener;
    private volatile @Nullable Attempt current;
    private volatile boolean firstResponseSeen;
    private volatile boolean endAsked;
    private volatile boolean live;
    private long delaysNanos;

    ExchangeRun(
            StreamTransport<I> transport,
            ExchangeOptions options,
            RetryPolicy retryPolicy,
            Duration openTimeout,
            ExchangeListener listener,
            DefaultExchangeContext context,
            Publisher<Frame> requests,
            Function<Frame, @Nullable RuntimeException> frameCheck,
            @Nullable LiveListener liveListener) {
        this.transport = transport;
        this.options = options;
        this.retryPolicy = retryPolicy;
        this.openTimeout = openTimeout;
        this.listener = listener;
        this.listening = listener != ExchangeListener.NONE;
        this.context = context;
        this.liveListener = liveListener;
        this.relay = new RequestRelay<>(
                requests,
                frameCheck,
                transport::toRequestEvent,
                options.replayUnconfirmed(),
                retryPolicy.maxReplayBytes(),
                this);
    }

    DefaultExchangeContext context() {
        return context;
    }

    /** The response frames; subscribing starts the exchange. Subscribe once. */
    Flux<Frame> responses() {
        Flux<Frame> frames = Mono.defer(this::attempt)
                .retryWhen(Retry.from(signals -> signals.concatMap(this::retryDecision)))
                .flatMapMany(Function.identity())
                .onErrorMap(this::finalError);
        if (listening) {
            // Only then: every operator here is one more call for each response frame.
            frames = frames.doOnNext(this::received)
                    .doOnSubscribe(subscription -> listener.opened(context))
                    .doOnError(error -> listener.error(context, ErrorKind.of(error), error));
        }
        return frames.doFinally(this::finish);
    }

    private Mono<Flux<Frame>> attempt() {
        return Mono.create(sink -> {
            Attempt attempt = new Attempt(sink);
            current = attempt;
            Publisher<I> input = relay.newLeg();
            sink.onCancel(attempt::cancelCall);
            attempt.startOpenTimer();
            attempt.watchConnect();
            CompletableFuture<Void> call;
            try {
                call = transport.invoke(options, input, attempt);
            } catch (RuntimeException e) {
                attempt.failed(e);
                return;
            }
            attempt.call(call);
        });
    }

    private Mono<?> retryDecision(Retry.RetrySignal signal) {
        Throwable failure = signal.failure();
        int attemptsMade = (int) signal.totalRetries() + 1;
        if (closedBeforeHttp2(failure)) {
            // Only after the SDK said no more than "closed": one TLS handshake tells what the server speaks.
            return Mono.fromFuture(ProtocolProbe.diagnoseShared(transport.connectEndpoint()))
                    .flatMap(diagnosis -> diagnosis.isPresent()
                            ? Mono.error(protocolMismatch(diagnosis.get(), failure))
                            : retryDecision(failure, attemptsMade));
        }
        return retryDecision(failure, attemptsMade);
    }

    /**
     * Whether the SDK reported a connection that closed before HTTP/2 started, which a server speaking another
     * protocol than the endpoint's scheme causes (a certificate the trust manager rejected was reported already).
     */
    private static boolean closedBeforeHttp2(Throwable failure) {
        if (!(failure instanceof BidiStreamException error)
                || error.kind() != ErrorKind.CONNECTION
                || !error.retryable()) {
            return false;
        }
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof javax.net.ssl.SSLException
                    || (current.getMessage() != null
                            && current.getMessage().contains("closed before the protocol could be determined"))) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    private static BidiStreamException protocolMismatch(String diagnosis, @Nullable Throwable failure) {
        return new BidiStreamException(
                ErrorKind.CONNECTION,
                false,
                null,
                null,
                diagnosis,
                failure != null ? SdkErrors.unwrap(failure) : null,
                null,
                null);
    }

    private Mono<?> retryDecision(Throwable failure, int attemptsMade) {
        if (!(failure instanceof BidiStreamException error)
                || !retryPolicy.retries(error)
                || attemptsMade >= retryPolicy.maxAttempts()) {
            return Mono.error(failure);
        }
        if (!relay.canRetry()) {
            return Mono.error(notRetried(error));
        }
        Duration delay = retryPolicy.backoff(attemptsMade, ThreadLocalRandom.current()::nextDouble);
        if (delaysNanos + delay.toNanos() > retryPolicy.maxElapsed().toNanos()) {
            return Mono.error(failure);
        }
        delaysNanos += delay.toNanos();
        if (listening) {
            listener.retrying(context, attemptsMade, error, delay);
        }
        return Mono.delay(delay);
    }

    /**
     * Whether {@code error} is the service refusing a new stream with an error status (throttling, unavailable, a
     * transient model error) rather than a stream that never answered or broke: the service rejected the request as a
     * whole, so no frame reached the model and every frame may be sent again. A stream that timed out or whose
     * connection failed may have delivered frames, so those keep the opt-in rule.
     */
    static boolean refusedOpen(Throwable error) {
        return error instanceof BidiStreamException typed
                && typed.statusCode().filter(status -> status >= 400).isPresent();
    }

    /** The failure, saying why it was not retried when frames the caller sent would be lost by a retry. */
    private BidiStreamException notRetried(BidiStreamException error) {
        int lost = relay.unconfirmedFrames();
        if (lost == 0) {
            return error;
        }
        String why = relay.replayOverflowed()
                ? " frame(s) went to the failed attempts, more than maxReplayBytes (" + retryPolicy.maxReplayBytes()
                        + " bytes, RetryPolicy.withMaxReplayBytes) keeps for sending again"
                : " frame(s) went to the failed attempt and the exchange did not opt in to replaying them"
                        + " (ExchangeOptions.withReplayUnconfirmed)";
        BidiStreamException explained = new BidiStreamException(
                error.kind(),
                error.retryable(),
                error.errorCode().orElse(null),
                error.statusCode().orElse(null),
                error.detail() + "; not retried: " + lost + why,
                error.getCause(),
                error.target().orElse(null),
                error.sessionName().orElse(null));
        explained.setStackTrace(error.getStackTrace());
        return explained;
    }

    private Throwable finalError(Throwable error) {
        Throwable requestError = relay.requestError();
        if (requestError != null) {
            return requestError;
        }
        return translate(error);
    }

    private BidiStreamException translate(Throwable error) {
        BidiStreamException typed = error instanceof BidiStreamException bidi ? bidi : transport.translate(error);
        return typed.in(context.sessionName(), context.target());
    }

    /**
     * The typed error for a response that ended normally although the request side was still open and no frame asked
     * the service to end: the SDK reports a stream reset or a lost connection that way, so this turns it into the
     * retryable {@link ErrorKind#CONNECTION} error it is.
     */
    private @Nullable BidiStreamException brokenEnd() {
        if (endAsked || relay.requestsEnded()) {
            return null;
        }
        return translate(new BidiStreamException(
                ErrorKind.CONNECTION,
                true,
                null,
                null,
                "the response stream ended while requests were still being sent and no frame asked the service to "
                        + "end it: the stream was reset or its connection lost",
                null,
                null,
                null));
    }

    private void received(Frame frame) {
        long now = System.nanoTime();
        if (!firstResponseSeen) {
            firstResponseSeen = true;
            listener.firstResponse(context, now);
        }
        listener.frameReceived(context, frame, now);
    }

    private void finish(SignalType signal) {
        relay.cancel();
        Attempt attempt = current;
        if (attempt != null) {
            attempt.cancelCall();
        }
        if (listening) {
            Outcome outcome = switch (signal) {
                case ON_COMPLETE -> Outcome.COMPLETED;
                case ON_ERROR -> Outcome.ERROR;
                default -> Outcome.CANCELLED;
            };
            listener.closed(context, outcome, System.nanoTime());
        }
    }

    @Override
    public void frameSent(Frame frame) {
        if (transport.asksToEnd(frame)) {
            endAsked = true;
        }
        if (listening) {
            listener.frameSent(context, frame, transport.completesInput(frame), System.nanoTime());
        }
    }

    @Override
    public void requestsCompleted() {
        if (listening) {
            listener.requestsCompleted(context, System.nanoTime());
        }
    }

    @Override
    public void streamLive() {
        live = true;
        if (liveListener != null) {
            liveListener.streamLive();
        }
    }

    @Override
    public void requestsFailed(Throwable error) {
        Attempt attempt = current;
        if (attempt != null) {
            attempt.failed(error);
        }
    }

    /** A certificate rejected while connecting: not retried, since another attempt meets the same certificate. */
    private static BidiStreamException connectFailure(ConnectFailures.Failure failure) {
        return new BidiStreamException(
                ErrorKind.CONNECTION,
                false,
                null,
                null,
                "TLS handshake with " + failure.address() + " failed: " + failure.reason(),
                failure.cause(),
                null,
                null);
    }

    /** One call to the SDK. */
    private final class Attempt implements StreamTransport.ResponseCallbacks {

        private final MonoSink<Flux<Frame>> sink;
        private final AtomicBoolean terminated = new AtomicBoolean();
        // Set once the response stream was handed out; a failure after that ends it (see AttemptResponses).
        private volatile @Nullable AttemptResponses responses;
        private volatile boolean emitted;
        private volatile boolean cancelled;
        private volatile boolean answered;
        private volatile @Nullable CompletableFuture<Void> call;
        private volatile @Nullable Disposable openTimer;
        private volatile @Nullable Runnable connectWatch;
        private volatile @Nullable Disposable slowConnectTimer;

        Attempt(MonoSink<Flux<Frame>> sink) {
            this.sink = sink;
        }

        void call(CompletableFuture<Void> call) {
            this.call = call;
            if (cancelled) {
                call.cancel(true);
                return;
            }
            call.whenComplete((ignored, error) -> {
                if (error != null) {
                    failed(error);
                } else {
                    completed();
                }
            });
        }

        void startOpenTimer() {
            openTimer = Schedulers.parallel().schedule(this::openTimedOut, openTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (openTimeout.compareTo(SLOW_CONNECT) > 0 && transport.connectEndpoint() != null) {
                slowConnectTimer =
                        Schedulers.parallel().schedule(this::slowConnect, SLOW_CONNECT.toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        /**
         * No HTTP/2 stream after a while: some SDK versions never report a server that does not speak the endpoint's
         * protocol (TLS to a plaintext port), so a probe tells, failing this attempt for good if so.
         */
        private void slowConnect() {
            if (answered || live || terminated.get()) {
                return;
            }
            ProtocolProbe.diagnoseShared(transport.connectEndpoint()).thenAccept(diagnosis -> {
                if (diagnosis.isPresent() && !answered && !live) {
                    failed(protocolMismatch(diagnosis.get(), null));
                    cancelCall();
                }
            });
        }

        private void openTimedOut() {
            if (answered) {
                return;
            }
            failed(new BidiStreamException(
                    ErrorKind.CONNECTION,
                    true,
                    null,
                    null,
                    "the service did not answer the " + "new stream within the open timeout of " + openTimeout
                            + " (SessionOptions.openTimeout)",
                    null,
                    null,
                    null));
            cancelCall();
        }

        /**
         * Fails this attempt as soon as connecting to the service's address fails in a way the SDK does not report
         * (a certificate the trust manager rejected): older SDKs leave such a stream without outcome until the open
         * timeout, newer ones report only that the channel closed.
         */
        void watchConnect() {
            String address = ConnectFailures.address(transport.connectEndpoint());
            if (address == null) {
                return;
            }
            connectWatch = ConnectFailures.listen(address, failure -> {
                if (!answered) {
                    failed(connectFailure(failure));
                    cancelCall();
                }
            });
        }

        private void stopOpenTimer() {
            Disposable timer = openTimer;
            if (timer != null) {
                timer.dispose();
            }
            Disposable slow = slowConnectTimer;
            if (slow != null) {
                slow.dispose();
            }
            Runnable watch = connectWatch;
            if (watch != null) {
                connectWatch = null;
                watch.run();
            }
        }

        @Override
        public void headers(@Nullable String invokedVariant, @Nullable String requestId) {
            answered = true;
            stopOpenTimer();
            context.headers(invokedVariant, requestId);
            if (listening) {
                listener.answered(context, System.nanoTime());
            }
            relay.confirm();
        }

        @Override
        public void events(Publisher<Frame> frames) {
            AttemptResponses handedOut = new AttemptResponses(frames, ExchangeRun.this::brokenEnd, this::cancelCall);
            synchronized (this) {
                if (terminated.get()) {
                    return;
                }
                responses = handedOut;
                emitted = true;
            }
            sink.success(handedOut);
        }

        @Override
        public void failed(Throwable error) {
            stopOpenTimer();
            Throwable cause = SdkErrors.unwrap(error);
            if (cancelled && relay.requestError() == null) {
                return; // the call was cancelled on purpose: nobody listens any more
            }
            boolean handedOut;
            synchronized (this) {
                if (!terminated.compareAndSet(false, true)) {
                    return;
                }
                handedOut = emitted;
            }
            Throwable requestError = relay.requestError();
            Throwable reported = requestError != null ? requestError : translate(cause);
            AttemptResponses stream = responses;
            if (handedOut && stream != null) {
                stream.fail(reported);
            } else {
                if (!answered && refusedOpen(reported)) {
                    relay.detachRefused();
                } else {
                    relay.detach();
                }
                sink.error(reported);
            }
            // Either way the exchange ends or retries; its end cancels the call (finish), a retry opens a new one.
        }

        private void completed() {
            boolean handedOut;
            synchronized (this) {
                if (!terminated.compareAndSet(false, true)) {
                    return;
                }
                handedOut = emitted;
            }
            if (!handedOut) {
                BidiStreamException broken = brokenEnd();
                if (broken != null) {
                    relay.detach();
                    sink.error(broken);
                } else {
                    sink.success(Flux.empty());
                }
            }
        }

        void cancelCall() {
            cancelled = true;
            stopOpenTimer();
            CompletableFuture<Void> running = call;
            if (running != null && !running.isDone()) {
                running.cancel(true);
            }
        }
    }
}
