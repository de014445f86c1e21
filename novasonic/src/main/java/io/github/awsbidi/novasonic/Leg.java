package io.github.awsbidi.novasonic;

import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.novasonic.event.InputEvent;
import io.github.awsbidi.novasonic.event.NovaSonicCodec;
import io.github.awsbidi.novasonic.event.NovaSonicProtocolException;
import io.github.awsbidi.novasonic.event.OutputEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * One HTTP/2 stream of a conversation: its {@link InputSequencer}, the pump that hands the encoded
 * events to {@link Exchange#send(Frame)} one at a time, the decoding of its responses and its own
 * {@link OutputInterpreter}. Undecodable response events are logged and skipped.
 */
final class Leg {

    private static final System.Logger LOG = System.getLogger(Leg.class.getName());

    private final String name;
    private final Exchange exchange;
    private final NovaSonicCodec codec;
    private final OutboundLanes outbound;
    private final InputSequencer sequencer;
    private final OutputInterpreter interpreter = new OutputInterpreter();
    private final long openedNanos = System.nanoTime();
    private final Disposable.Composite subscriptions = Disposables.composite();

    Leg(String name, Exchange exchange, NovaSonicSettings settings, NovaSonicCodec codec, int outboundFrames) {
        this.name = name;
        this.exchange = exchange;
        this.codec = codec;
        this.outbound = new OutboundLanes(outboundFrames);
        this.sequencer = new InputSequencer(
                settings, UUID.randomUUID().toString(), () -> UUID.randomUUID().toString(), new InputSink() {
                    @Override
                    public void accept(InputEvent event) {
                        emit(event);
                    }

                    @Override
                    public void acceptUrgent(List<InputEvent> block) {
                        emitUrgent(block);
                    }
                });
    }

    String name() {
        return name;
    }

    InputSequencer sequencer() {
        return sequencer;
    }

    OutputInterpreter interpreter() {
        return interpreter;
    }

    Duration age() {
        return Duration.ofNanos(System.nanoTime() - openedNanos);
    }

    /**
     * Starts sending and receiving. {@code onEvent} gets each decoded response event; {@code onEnd}
     * gets the error that ended the stream, or {@code null} when the service completed it.
     */
    void run(Consumer<OutputEvent> onEvent, Consumer<@Nullable Throwable> onEnd) {
        // One frame at a time, so that an urgent block can still overtake audio that waits.
        subscriptions.add(outbound.flux()
                .concatMap(exchange::send, 1)
                .subscribe(
                        null,
                        error -> {
                            exchange.cancel();
                            onEnd.accept(error);
                        },
                        exchange::complete));
        subscriptions.add(exchange.responses()
                .subscribe(frame -> decode(frame).ifPresent(onEvent), onEnd::accept, () -> onEnd.accept(null)));
    }

    /**
     * Sends the closing sequence and half-closes the stream once everything queued is sent; cancels
     * the stream if the service has not ended it within {@code grace}.
     */
    void closeGracefully(Duration grace, Scheduler scheduler) {
        try {
            sequencer.close();
        } catch (IllegalStateException overflow) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "Could not queue the closing sequence of {0}: {1}",
                    name,
                    overflow.getMessage());
        }
        outbound.complete();
        subscriptions.add(scheduler.schedule(this::cancel, Math.max(1, grace.toNanos()), TimeUnit.NANOSECONDS));
    }

    /** Resets the stream now. */
    void cancel() {
        if (!subscriptions.isDisposed()) {
            outbound.complete();
            exchange.cancel();
            subscriptions.dispose();
        }
    }

    private void emit(InputEvent event) {
        if (!outbound.add(Frame.json(codec.encode(event)), event instanceof InputEvent.AudioInput)
                && !subscriptions.isDisposed()) {
            throw new IllegalStateException("the send queue of " + name + " is full: the stream does not keep up");
        }
    }

    private void emitUrgent(List<InputEvent> block) {
        outbound.addUrgent(
                block.stream().map(event -> Frame.json(codec.encode(event))).toList());
    }

    private Optional<OutputEvent> decode(Frame frame) {
        try {
            return Optional.of(codec.decode(frame.asString()));
        } catch (NovaSonicProtocolException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Skipping an unreadable Nova Sonic event on {0}: {1}",
                    name,
                    e.getMessage());
            return Optional.empty();
        }
    }
}
