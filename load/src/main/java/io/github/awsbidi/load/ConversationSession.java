package io.github.awsbidi.load;

import io.github.awsbidi.novasonic.Conversation;
import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.NovaSonic;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A Nova Sonic conversation: the audio goes out as the user's speech, the model takes turns. Its latency is the
 * response latency of each turn: from the end of a stretch of speech in the audio sent (the last voiced frame) to the
 * assistant's first audio after it, which includes the model's end-of-speech detection, as a caller hears it.
 */
final class ConversationSession implements LiveSession {

    private final NovaSonic novaSonic;
    private final Measurements measurements;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile @Nullable Conversation conversation;
    private long startedAt;
    private volatile boolean responded;
    private boolean speaking;
    /** When the user's last speech ended and no assistant audio has followed yet; 0 when nothing is awaited. */
    private volatile long awaitingSince;

    ConversationSession(NovaSonic novaSonic, Measurements measurements) {
        this.novaSonic = novaSonic;
        this.measurements = measurements;
    }

    @Override
    public CompletableFuture<Void> open() {
        startedAt = System.nanoTime();
        return novaSonic.start().toFuture().thenAccept(started -> {
            conversation = started;
            started.events().subscribe(this::event, ended::completeExceptionally, () -> ended.complete(null));
        });
    }

    @Override
    public void send(byte[] frame, boolean voiced, long nanos) {
        if (speaking && !voiced) {
            awaitingSince = nanos;
        }
        speaking = voiced;
        measurements.frameSent(nanos);
        conversation().sendAudio(frame).subscribe(null, this::failed);
    }

    @Override
    public void finish() {
        conversation().close().subscribe(null, this::failed);
    }

    private void event(ConversationEvent event) {
        long now = System.nanoTime();
        if (event instanceof ConversationEvent.Closed closed) {
            Throwable error = closed.error();
            if (error != null) {
                ended.completeExceptionally(error);
            } else {
                ended.complete(null);
            }
            return;
        }
        if (!responded) {
            responded = true;
            measurements.firstResponse(startedAt, now);
        }
        // Java 17: no pattern matching in switch.
        if (event instanceof ConversationEvent.AudioOut) {
            measurements.response();
            long since = awaitingSince;
            if (since != 0) {
                awaitingSince = 0;
                measurements.latency(since, now);
            }
        } else if (event instanceof ConversationEvent.TurnEnd) {
            measurements.turn();
        } else if (event instanceof ConversationEvent.Interrupted) {
            measurements.bargeIn();
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
        Conversation current = conversation;
        if (current != null) {
            current.close().subscribe(null, ignored -> {});
        }
    }

    private Conversation conversation() {
        Conversation current = conversation;
        if (current == null) {
            throw new IllegalStateException("not open");
        }
        return current;
    }
}
