package io.github.awsbidi.polly;

import io.github.awsbidi.core.BidirectionalSession;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Text of any length and pace spoken through as many Polly streams as it needs, audio in order.
 * <ul>
 *   <li>While the caller's text pauses, a whitespace {@code TextEvent} goes out every {@code keepAliveAfter}, so
 *       Polly does not close the stream after its 5 s without input. How Polly bills whitespace in this operation is
 *       not documented; count each keep-alive as one character.</li>
 *   <li>From {@code streamLimit - renewalMargin} on, the text moves to a new stream at the next sentence boundary
 *       (a {@code . ! ?} followed by whitespace): the old stream is closed (Polly speaks what it has), the new one
 *       opened at once, and the new stream's audio follows the old one's last chunk. From {@code streamLimit -
 *       forceMargin} on it moves at the next text or keep-alive even mid-sentence.</li>
 * </ul>
 * Subscribe to {@link #audio()} to start; cancelling it cancels every stream.
 */
public final class ContinuousSpeech {

    private final BidirectionalSession session;
    private final Publisher<String> text;
    private final ContinuousSpeechSettings settings;
    private final Sinks.Many<Flux<ByteBuffer>> legs = Sinks.many().unicast().onBackpressureBuffer();
    private final List<Mono<Long>> characters = new CopyOnWriteArrayList<>();
    private final AtomicInteger streams = new AtomicInteger();
    private final Sinks.One<Long> total = Sinks.one();
    private @Nullable Mono<Leg> current;
    private @Nullable Disposable driver;

    private ContinuousSpeech(BidirectionalSession session, Publisher<String> text, ContinuousSpeechSettings settings) {
        this.session = session;
        this.text = text;
        this.settings = settings;
    }

    /** Speaks {@code text} on {@code session} (a {@link PollySession}). Nothing happens before {@link #audio()} is subscribed. */
    public static ContinuousSpeech of(
            BidirectionalSession session, Publisher<String> text, ContinuousSpeechSettings settings) {
        return new ContinuousSpeech(
                Objects.requireNonNull(session, "session"),
                Objects.requireNonNull(text, "text"),
                Objects.requireNonNull(settings, "settings"));
    }

    /** The audio of every stream, in order; one subscriber. */
    public Flux<ByteBuffer> audio() {
        return Flux.concat(legs.asFlux()).doOnSubscribe(subscription -> start()).doFinally(signal -> {
            Disposable running = driver;
            if (running != null) {
                running.dispose();
            }
        });
    }

    /** The characters Polly billed over every stream, once the last one has ended. */
    public Mono<Long> requestCharacters() {
        return total.asMono();
    }

    /** How many Polly streams have been opened so far. */
    public int streamsOpened() {
        return streams.get();
    }

    private void start() {
        Object end = new Object();
        Duration tick =
                Duration.ofNanos(Math.max(1_000_000L, settings.keepAliveAfter().toNanos() / 4));
        Flux<Object> ticks = Flux.interval(tick, tick, settings.scheduler())
                .map(n -> (Object) Tick.INSTANCE)
                .onBackpressureDrop();
        // Text is small and a token source seldom honours back-pressure: it waits here while a send waits for room.
        Flux<Object> input = Flux.from(text)
                .onBackpressureBuffer()
                .map(chunk -> (Object) chunk)
                .concatWith(Mono.just(end));
        current = open();
        driver = Flux.merge(input, ticks)
                .takeUntil(item -> item == end)
                .concatMap(item -> item == end ? finish() : item instanceof String chunk ? say(chunk) : tick(), 1)
                .subscribe(null, this::fail);
    }

    private Mono<Void> say(String chunk) {
        return leg().flatMap(leg -> {
            long age = now() - leg.openedAt;
            if (age >= due(settings.renewalMargin())) {
                int split = sentenceStart(leg.tail, chunk);
                if (split < 0 && age >= due(settings.forceMargin())) {
                    split = 0;
                }
                if (split >= 0) {
                    String before = chunk.substring(0, split);
                    String after = chunk.substring(split);
                    return leg.send(before, now()).then(renew(leg)).flatMap(next -> next.send(after, now()));
                }
            }
            return leg.send(chunk, now());
        });
    }

    private Mono<Void> tick() {
        return leg().flatMap(leg -> {
            long now = now();
            long age = now - leg.openedAt;
            if (age >= due(settings.forceMargin())
                    || (age >= due(settings.renewalMargin()) && endsSentence(leg.tail))) {
                return renew(leg).then();
            }
            if (now - leg.lastSent >= settings.keepAliveAfter().toNanos()) {
                return leg.send(" ", now);
            }
            return Mono.empty();
        });
    }

    private Mono<Void> finish() {
        return leg().flatMap(leg -> {
            leg.close();
            legs.tryEmitComplete();
            Flux.fromIterable(characters)
                    .concatMap(count -> count.defaultIfEmpty(0L))
                    .reduce(0L, Long::sum)
                    .subscribe(total::tryEmitValue, total::tryEmitError);
            return Mono.empty();
        });
    }

    /** Opens the next stream and closes {@code old}; the next stream's audio is queued behind the old one's. */
    private Mono<Leg> renew(Leg old) {
        Mono<Leg> next = open();
        current = next;
        old.close();
        return next;
    }

    private Mono<Leg> open() {
        return PollySpeech.open(session, settings.options())
                .map(speech -> {
                    Leg leg = new Leg(speech, now());
                    streams.incrementAndGet();
                    characters.add(speech.requestCharacters());
                    legs.tryEmitNext(leg.audio);
                    return leg;
                })
                .cache();
    }

    private Mono<Leg> leg() {
        Mono<Leg> leg = current;
        if (leg == null) {
            return Mono.error(new IllegalStateException("not started"));
        }
        return leg;
    }

    private void fail(Throwable error) {
        legs.tryEmitError(error);
        total.tryEmitError(error);
    }

    private long due(Duration margin) {
        return settings.streamLimit().minus(margin).toNanos();
    }

    private long now() {
        return settings.scheduler().now(TimeUnit.NANOSECONDS);
    }

    /**
     * Where in {@code chunk} a new sentence starts, given the text before it: the first position after a sentence
     * end and whitespace; {@code chunk.length()} when the chunk ends there; -1 when there is none.
     */
    static int sentenceStart(CharSequence tail, String chunk) {
        String combined = tail + chunk;
        for (int p = Math.max(1, tail.length()); p <= combined.length(); p++) {
            if (Character.isWhitespace(combined.charAt(p - 1)) && endsSentence(combined.substring(0, p))) {
                return p - tail.length();
            }
        }
        return -1;
    }

    /** Whether {@code text} ends a sentence, trailing whitespace aside. */
    static boolean endsSentence(CharSequence text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '.' || c == '!' || c == '?';
            }
        }
        return false;
    }

    private enum Tick {
        INSTANCE
    }

    /** One Polly stream: its helper, when it opened, what was sent last, its audio (read at once, replayed in order). */
    private final class Leg {

        private static final int TAIL = 64;

        final PollySpeech speech;
        final long openedAt;
        final StringBuilder tail = new StringBuilder();
        final Flux<ByteBuffer> audio;
        long lastSent;

        Leg(PollySpeech speech, long openedAt) {
            this.speech = speech;
            this.openedAt = openedAt;
            this.lastSent = openedAt;
            this.audio = speech.audio().cache();
            this.audio.subscribe(buffer -> {}, error -> {});
        }

        Mono<Void> send(String chunk, long now) {
            if (chunk.isEmpty()) {
                return Mono.empty();
            }
            lastSent = now;
            tail.append(chunk);
            if (tail.length() > TAIL) {
                tail.delete(0, tail.length() - TAIL);
            }
            return speech.say(chunk);
        }

        void close() {
            // The outcome reaches the caller through the audio (an error) and requestCharacters().
            speech.close().subscribe(count -> {}, error -> {});
        }
    }
}
