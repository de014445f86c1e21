package io.github.awsbidi.core.bedrock;

import java.util.Objects;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.core.ExchangeGate;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.internal.ExchangeEngine;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamInput;

/**
 * A {@link BidirectionalSession} over Bedrock's {@code InvokeModelWithBidirectionalStream}: each frame is one
 * {@code chunk} of UTF-8 JSON ({@link Frame#json(String)}); response chunks arrive as {@link
 * io.github.awsbidi.core.DataType#UTF8} frames. Every modeled exception ends the responses with a
 * {@link BidiStreamException} of the matching kind.
 * <p>
 * The client should come from {@link io.github.awsbidi.core.client.BidiClientFactory}, which pins HTTP/2 and turns
 * off the SDK's retries; the session does not close it.
 */
public final class BedrockSession implements BidirectionalSession {

    private final String name;
    private final Target target;
    private final ExchangeGate gate;
    private final ExchangeEngine<InvokeModelWithBidirectionalStreamInput> engine;

    private BedrockSession(String name, BedrockRuntimeAsyncClient client, BedrockSessionSettings settings,
            SessionOptions options) {
        if (name.isBlank()) {
            throw BidiStreamException.validation("session name must not be empty");
        }
        this.name = name;
        Region region = client.serviceClientConfiguration().region();
        BedrockTransport transport = new BedrockTransport(client, settings, region != null ? region.id() : "unknown");
        this.target = transport.target(ExchangeOptions.defaults());
        this.gate = options.gate();
        this.engine = new ExchangeEngine<>(name, transport, options);
    }

    /** A session with default {@link SessionOptions}. */
    public static BedrockSession create(String name, BedrockRuntimeAsyncClient client,
            BedrockSessionSettings settings) {
        return create(name, client, settings, SessionOptions.defaults());
    }

    /** A session named {@code name} invoking {@code settings}' model through {@code client}. */
    public static BedrockSession create(String name, BedrockRuntimeAsyncClient client,
            BedrockSessionSettings settings, SessionOptions options) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(options, "options");
        return new BedrockSession(name, client, settings, options);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public Flux<Frame> exchange(Publisher<Frame> requests, ExchangeOptions options) {
        return gate.exchange(name, target, engine.exchange(requests, options));
    }

    @Override
    public Mono<Exchange> open(ExchangeOptions options) {
        return gate.open(name, target, engine.open(options));
    }

    @Override
    public String toString() {
        return "BedrockSession[" + name + ", " + target + "]";
    }
}
