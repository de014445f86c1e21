package io.github.awsbidi.core.internal;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.Target;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * What differs between the two services: building the request, mapping frames to and from the SDK's event types,
 * and translating the SDK's exceptions. The {@link ExchangeEngine} does everything else.
 *
 * @param <I> the SDK's request event type
 */
public interface StreamTransport<I> {

    /** The target of an exchange with these options; called after {@link #validate(ExchangeOptions)}. */
    Target target(ExchangeOptions options);

    /**
     * The exchange's effective SageMaker headers: the session's defaults with the exchange's overrides applied, what
     * listeners report as the request's invocation path and query string. Bedrock has none.
     */
    default ExchangeOptions effectiveHeaders(ExchangeOptions options) {
        return options;
    }

    /** Rejects options this service cannot honour, with a {@link io.github.awsbidi.core.ErrorKind#VALIDATION} error. */
    void validate(ExchangeOptions options);

    /**
     * Whether {@code frame} completes one unit of input for the model: a listener's "input completed" count. Every
     * Bedrock chunk is a whole event; a SageMaker part completes its unit when it is {@code COMPLETE}.
     */
    boolean completesInput(Frame frame);

    /**
     * Whether sending {@code frame} asks the service to end the stream, so that the response may end while the caller
     * is still sending. Without such a frame, a response that ends before the request side did was broken (a reset,
     * a lost connection) and is reported as a {@link io.github.awsbidi.core.ErrorKind#CONNECTION} error.
     */
    boolean asksToEnd(Frame frame);

    /** The SDK request event carrying {@code frame}. */
    I toRequestEvent(Frame frame);

    /**
     * Starts one call. {@code requests} is subscribed by the SDK; {@code callbacks} receive its outcome.
     *
     * @return the SDK's future of the call
     */
    CompletableFuture<Void> invoke(ExchangeOptions options, Publisher<I> requests, ResponseCallbacks callbacks);

    /**
     * The endpoint the SDK client connects to (its override, else the service's resolved endpoint), where failures
     * the SDK does not report are looked up ({@link ConnectFailures}); {@code null} when unknown.
     */
    default @Nullable URI connectEndpoint() {
        return null;
    }

    /** The typed error for anything the SDK reported. */
    BidiStreamException translate(Throwable error);

    /** How the SDK's response handler reports to the engine. */
    interface ResponseCallbacks {

        /** The service answered 200 with these response headers. */
        void headers(@Nullable String invokedVariant, @Nullable String requestId);

        /** The response event stream, mapped to frames; subscribing to it reads from the network. */
        void events(Publisher<Frame> frames);

        /** The call failed (it may be reported more than once; the first report wins). */
        void failed(Throwable error);
    }
}
