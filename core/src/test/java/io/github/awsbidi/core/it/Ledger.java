package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What one exchange did with the frames a caller sent: the contract of the fault suite. The caller is a live one: it
 * sends its frames at a pace and ends its request side only once every answer is in (as a voice client ends its turn
 * after the last result), so any fault hits while it is still sending.
 *
 * @param sent the frames the caller handed over, in order
 * @param received the frames that came back, in order
 * @param error how the exchange failed, or null if it completed
 * @param took from subscribing to the end
 */
record Ledger(
        List<String> sent, List<String> received, @Nullable Throwable error, Duration took) {

    /** Runs one exchange of {@code frames} echo requests, one every {@code pace}, and records it. */
    static Ledger run(
            BidirectionalSession session,
            int frames,
            Duration pace,
            IntFunction<Frame> frame,
            ExchangeOptions options,
            Duration limit) {
        return run(session, frames, pace, frame, options, limit, answers -> {});
    }

    /** As above, telling {@code afterAnswer} the number of answers so far after each one. */
    static Ledger run(
            BidirectionalSession session,
            int frames,
            Duration pace,
            IntFunction<Frame> frame,
            ExchangeOptions options,
            Duration limit,
            IntConsumer afterAnswer) {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            sent.add(frame.apply(i).asString());
        }
        List<String> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> allAnswered = new CompletableFuture<>();
        Flux<Frame> requests = Flux.range(0, frames)
                .delayElements(pace)
                .map(frame::apply)
                .concatWith(Mono.fromFuture(allAnswered).then(Mono.empty()));
        long start = System.nanoTime();
        Throwable error = null;
        try {
            session.exchange(requests, options)
                    .doOnNext(answer -> {
                        received.add(answer.asString());
                        if (received.size() == frames) {
                            allAnswered.complete(null);
                        }
                        afterAnswer.accept(received.size());
                    })
                    .then()
                    .block(limit);
        } catch (RuntimeException e) {
            error = e instanceof IllegalStateException
                            && e.getMessage() != null
                            && e.getMessage().startsWith("Timeout on blocking read")
                    ? new AssertionError("no end within " + limit + ": the exchange neither completed nor failed", e)
                    : e;
        }
        return new Ledger(sent, received, error, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Every frame answered in order and a normal end. */
    Ledger assertAllAnswered() {
        assertThat(error).as("error").isNull();
        assertThat(received).as("answers").containsExactlyElementsOf(sent);
        return this;
    }

    /**
     * The contract under a fault: either every frame answered and a normal end, or a typed error of one of
     * {@code kinds} within {@code bound}, with the answers so far a prefix of what was sent (nothing twice, nothing
     * out of order). Never a normal end with answers missing.
     */
    Ledger assertAnsweredOrFailed(Set<ErrorKind> kinds, Duration bound) {
        if (error == null) {
            return assertAllAnswered();
        }
        assertThat(error).as("error type").isInstanceOf(BidiStreamException.class);
        assertThat(((BidiStreamException) error).kind())
                .as("error kind of " + error)
                .isIn(kinds);
        assertThat(took).as("time to fail").isLessThanOrEqualTo(bound);
        assertThat(received).as("answers before the error").isEqualTo(sent.subList(0, received.size()));
        return this;
    }

    /** The exchange failed (with one of {@code kinds}) rather than completing. */
    Ledger assertFailed(Set<ErrorKind> kinds, Duration bound) {
        assertThat(error)
                .as("error (answers: " + received.size() + " of " + sent.size() + ")")
                .isNotNull();
        return assertAnsweredOrFailed(kinds, bound);
    }
}
