package io.github.awsbidi.polly;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.OptionalLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One Polly stream driven with typed calls instead of frames: {@link #say(String)} text as it is produced (an LLM's
 * tokens), {@link #flush()} to hear what is buffered now, {@link #ssml(String)} for a whole SSML document,
 * {@link #close()}, and read the {@link #audio()}. Each call's {@code Mono} completes once the event is accepted
 * into the stream's send buffer; awaiting it paces the producer.
 *
 * <pre>{@code
 * PollySpeech.open(session).flatMapMany(speech -> {
 *     tokens.concatMap(speech::say).then(speech.close()).subscribe();
 *     return speech.audio();
 * }).subscribe(player::play);
 * }</pre>
 */
public final class PollySpeech {

    private final Exchange exchange;

    private final Sinks.One<Long> characters = Sinks.one();

    private PollySpeech(Exchange exchange) {
        this.exchange = exchange;
    }

    /** Opens a stream on {@code session} (a {@link PollySession}, or one wrapping it). */
    public static Mono<PollySpeech> open(BidirectionalSession session) {
        return open(session, ExchangeOptions.defaults());
    }

    /**
     * Opens a stream with {@code options}. A refused open (throttling, a service failure) has spoken nothing, so
     * {@link ExchangeOptions#withReplayUnconfirmed(boolean)} lets the retry resend text the failed attempt took.
     */
    public static Mono<PollySpeech> open(BidirectionalSession session, ExchangeOptions options) {
        Objects.requireNonNull(session, "session");
        return session.open(options).map(PollySpeech::new);
    }

    /** Speaks {@code text} when Polly reaches a natural boundary; text need not align with words or sentences. */
    public Mono<Void> say(String text) {
        return exchange.send(PollyFrames.text(text));
    }

    /** Speaks {@code text} and everything buffered before it now ({@code Force}), in one event. */
    public Mono<Void> sayAndFlush(String text) {
        return exchange.send(PollyFrames.textAndFlush(text));
    }

    /** Speaks everything buffered now ({@code Force}). */
    public Mono<Void> flush() {
        return exchange.send(PollyFrames.flush());
    }

    /** Speaks one whole SSML document, after the text before it. */
    public Mono<Void> ssml(String document) {
        return exchange.send(PollyFrames.ssml(document));
    }

    /**
     * Sends {@code CloseStreamEvent} and half-closes: Polly speaks what is left and ends the stream. The result is
     * {@link #requestCharacters()}.
     */
    public Mono<Long> close() {
        return exchange.send(PollyFrames.close())
                .then(Mono.fromRunnable(exchange::complete))
                .then(requestCharacters());
    }

    /** Ends the stream at once, dropping what is not spoken yet. */
    public void cancel() {
        exchange.cancel();
    }

    /**
     * The audio chunks in the session's output format, in order. One subscriber only; nothing is read before it
     * subscribes, so subscribe even when only the characters matter.
     */
    public Flux<ByteBuffer> audio() {
        return exchange.responses()
                .doOnNext(this::noteCharacters)
                .doOnError(characters::tryEmitError)
                .doOnComplete(characters::tryEmitEmpty)
                .filter(PollyFrames::isAudio)
                .map(Frame::payload);
    }

    /**
     * The characters Polly billed for the stream ({@code StreamClosedEvent.RequestCharacters}), once it has ended;
     * empty when the stream ended without reporting them, the stream's error when it failed.
     */
    public Mono<Long> requestCharacters() {
        return characters.asMono();
    }

    /** The exchange underneath, for its request id. */
    public Exchange exchange() {
        return exchange;
    }

    private void noteCharacters(Frame frame) {
        OptionalLong count = PollyFrames.requestCharacters(frame);
        if (count.isPresent()) {
            characters.tryEmitValue(count.getAsLong());
        }
    }
}
