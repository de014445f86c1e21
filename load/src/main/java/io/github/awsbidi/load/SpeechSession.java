package io.github.awsbidi.load;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.polly.PollySpeech;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A Polly stream fed text at an LLM's pace: on every 32 ms tick the words due at {@code tokensPerSecond} go out
 * (one word a token), and every {@value #SENTENCE_WORDS} words a sentence ends and is flushed. Its first response is
 * the time from the first text to the first audio; its latency, from each flush to the next audio.
 */
final class SpeechSession implements LiveSession {

    static final int SENTENCE_WORDS = 12;

    private static final String[] WORDS =
            ("the quick assistant reads every answer aloud while the model is still writing it so the caller hears "
                            + "speech within a moment of asking and never waits for the whole reply to be ready")
                    .split(" ");

    private final BidirectionalSession session;
    private final Measurements measurements;
    private final double tokensPerTick;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile @Nullable PollySpeech speech;
    private double due;
    private long words;
    private volatile long firstTextAt;
    private volatile boolean responded;
    /** When the last flush went out with no audio after it yet; 0 when nothing is awaited. */
    private volatile long awaitingSince;

    SpeechSession(BidirectionalSession session, Measurements measurements, double tokensPerSecond) {
        this.session = session;
        this.measurements = measurements;
        this.tokensPerTick = tokensPerSecond * AudioClip.FRAME_NANOS / 1e9;
    }

    @Override
    public CompletableFuture<Void> open() {
        return PollySpeech.open(session).toFuture().thenAccept(opened -> {
            speech = opened;
            opened.audio().subscribe(audio -> audio(), ended::completeExceptionally, () -> ended.complete(null));
        });
    }

    @Override
    public void send(byte[] frame, boolean voiced, long nanos) {
        PollySpeech current = speech();
        due += tokensPerTick;
        while (due >= 1) {
            due -= 1;
            words++;
            boolean sentenceEnd = words % SENTENCE_WORDS == 0;
            String word = WORDS[(int) (words % WORDS.length)] + (sentenceEnd ? ". " : " ");
            if (firstTextAt == 0) {
                firstTextAt = nanos;
            }
            measurements.frameSent(nanos);
            if (sentenceEnd) {
                awaitingSince = nanos;
                current.sayAndFlush(word).subscribe(null, this::failed);
            } else {
                current.say(word).subscribe(null, this::failed);
            }
        }
    }

    @Override
    public void finish() {
        speech().close().subscribe(characters -> {}, this::failed);
    }

    private void audio() {
        long now = System.nanoTime();
        if (!responded && firstTextAt != 0) {
            responded = true;
            measurements.firstResponse(firstTextAt, now);
        }
        measurements.response();
        long since = awaitingSince;
        if (since != 0) {
            awaitingSince = 0;
            measurements.latency(since, now);
        }
    }

    private void failed(Throwable error) {
        ended.completeExceptionally(error);
        cancel();
    }

    @Override
    public CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public void cancel() {
        PollySpeech current = speech;
        if (current != null) {
            current.cancel();
        }
    }

    private PollySpeech speech() {
        PollySpeech current = speech;
        if (current == null) {
            throw new IllegalStateException("not open");
        }
        return current;
    }
}
