package io.github.awsbidi.novasonic;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.novasonic.audio.RollingAudioBuffer;
import io.github.awsbidi.novasonic.event.GenerationStage;
import io.github.awsbidi.novasonic.event.OutputEvent;
import io.github.awsbidi.novasonic.event.Role;
import io.github.awsbidi.novasonic.event.TokenUsage;
import io.github.awsbidi.novasonic.history.ConversationHistory;
import io.github.awsbidi.novasonic.history.HistoryShaper;
import io.github.awsbidi.novasonic.history.ShapedHistory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * The {@link Conversation}: the caller's input, the meaning of the output, the history, tools and closing.
 * The streams themselves (renewal, recovery) are {@link StreamRotation}'s; each stream orders its input with
 * an {@link InputSequencer} and reads its output with an {@link OutputInterpreter}. One lock (this object)
 * guards all state; events reach the caller's sink under it, so they stay in order.
 */
final class StreamingConversation implements Conversation, StreamHost {

    private static final System.Logger LOG = System.getLogger(StreamingConversation.class.getName());

    // Typed texts whose echo as a USER transcript is awaited, so that they enter the history once.
    private static final int MAX_AWAITED_ECHOES = 16;

    private enum State {
        RUNNING,
        CLOSING,
        CLOSED
    }

    private final String id = UUID.randomUUID().toString();
    private final Scheduler scheduler;
    private final ConversationListener listener;
    private final HistoryShaper shaper = new HistoryShaper();
    private final ConversationHistory history;
    private final RollingAudioBuffer replay;
    private final StreamRotation streams;
    private final ToolRunner tools = new ToolRunner();
    private final KeepAlive keepAlive;
    private final Sinks.Many<ConversationEvent> events = Sinks.many().unicast().onBackpressureBuffer();
    private final Sinks.Empty<Void> closed = Sinks.empty();
    private final Deque<String> awaitedEchoes = new ArrayDeque<>();
    private final List<String> textsWhileReconnecting = new ArrayList<>();
    private final Disposable.Swap closeTimer = Disposables.swap();

    private volatile NovaSonicSettings settings;
    private State state = State.RUNNING;
    // For the response latency: when the user's speech ended, until the first assistant audio.
    private long userSpeechEndNanos = -1;

    StreamingConversation(
            BidirectionalSession session,
            NovaSonicSettings settings,
            Scheduler scheduler,
            @Nullable IdentityProvider<? extends AwsCredentialsIdentity> credentials,
            ConversationListener listener) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.listener = listener;
        this.history = new ConversationHistory(settings.history());
        this.replay = RollingAudioBuffer.of(settings.renewal().audioReplay(), settings.inputSampleRate());
        this.keepAlive = new KeepAlive(settings.keepAlive(), settings.inputSampleRate());
        this.streams = new StreamRotation(this, toString(), session, () -> this.settings, scheduler, credentials, this);
    }

    /** Takes the first stream: sends the opening sequence with the configured history. */
    synchronized void begin(Exchange exchange) {
        streams.begin(exchange);
        keepAlive.start(this, scheduler, pcm -> {
            Leg leg = streams.current();
            if (state == State.RUNNING && leg != null) {
                try {
                    leg.sequencer().sendAudio(pcm);
                } catch (IllegalStateException full) {
                    LOG.log(
                            System.Logger.Level.DEBUG,
                            "{0}: keep-alive silence not sent: {1}",
                            this,
                            full.getMessage());
                }
            }
        });
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Mono<Void> sendAudio(byte[] pcm16) {
        return Mono.fromRunnable(() -> audio(pcm16));
    }

    @Override
    public Mono<Void> sendAudio(ByteBuffer pcm16) {
        return Mono.fromRunnable(() -> {
            byte[] bytes = new byte[pcm16.remaining()];
            pcm16.get(bytes);
            audio(bytes);
        });
    }

    @Override
    public Mono<Void> sendText(String text) {
        return Mono.fromRunnable(() -> text(text));
    }

    @Override
    public Mono<Void> updateTools(List<NovaSonicTool> newTools) {
        return Mono.fromRunnable(() -> {
            NovaSonicSettings updated = settings.toBuilder().tools(newTools).build();
            synchronized (this) {
                requireRunning();
                settings = updated;
                streams.request(RenewalCause.TOOL_CHANGE);
            }
        });
    }

    @Override
    public Flux<ConversationEvent> events() {
        return events.asFlux();
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            beginClose();
            return closed.asMono();
        });
    }

    /** Completes when the conversation has closed, however it ended. */
    Mono<Void> whenClosed() {
        return closed.asMono();
    }

    @Override
    public String toString() {
        return "Conversation[" + id + "]";
    }

    // ---- input ----

    private synchronized void audio(byte[] pcm) {
        requireRunning();
        replay.write(pcm);
        keepAlive.callerAudio();
        Leg leg = streams.current();
        // While reconnecting the audio only goes to the replay buffer, which the next stream receives.
        if (leg != null) {
            leg.sequencer().sendAudio(pcm);
        }
    }

    private synchronized void text(String text) {
        requireRunning();
        Leg leg = streams.current();
        if (leg == null) {
            textsWhileReconnecting.add(text);
            return;
        }
        sendUserText(leg, text);
    }

    private void sendUserText(Leg leg, String text) {
        // Live text: interactive, a whole block at once, so no audio falls inside it.
        leg.sequencer().sendText(Role.USER, true, text);
        history.add(Role.USER, text);
        awaitedEchoes.addLast(text.strip());
        while (awaitedEchoes.size() > MAX_AWAITED_ECHOES) {
            awaitedEchoes.removeFirst();
        }
    }

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("the conversation is closed");
        }
    }

    // ---- output ----

    @Override
    public void output(Leg leg, OutputEvent event) {
        if (state == State.CLOSED || leg != streams.current()) {
            // Output of a stream being replaced or not yet in use is not the caller's business.
            return;
        }
        streams.outputSeen();
        OutputInterpreter.Interpretation meaning = leg.interpreter().accept(event);
        for (ConversationEvent conversationEvent : meaning.events()) {
            observe(leg, conversationEvent);
            emit(conversationEvent);
            if (conversationEvent instanceof ConversationEvent.ToolCall) {
                tools.start(settings, leg, (ConversationEvent.ToolCall) conversationEvent, this::onToolResult);
            }
        }
        if (meaning.boundary()) {
            streams.tryHandOff();
        }
    }

    private void observe(Leg leg, ConversationEvent event) {
        if (event instanceof ConversationEvent.Transcript) {
            ConversationEvent.Transcript transcript = (ConversationEvent.Transcript) event;
            record(transcript);
            if (transcript.role() == Role.USER
                    && transcript.stage() == GenerationStage.FINAL
                    && userSpeechEndNanos < 0) {
                // Without userSpeechEnd, the final user transcript is the closest sign of the end of speech.
                userSpeechEndNanos = System.nanoTime();
            }
        } else if (event instanceof ConversationEvent.UserSpeechEnded) {
            userSpeechEndNanos = System.nanoTime();
        } else if (event instanceof ConversationEvent.AudioOut) {
            streams.assistantSpoke(leg);
            if (userSpeechEndNanos >= 0) {
                listener.responseLatency(Duration.ofNanos(System.nanoTime() - userSpeechEndNanos));
                userSpeechEndNanos = -1;
            }
        } else if (event instanceof ConversationEvent.Interrupted) {
            tools.cancel(null);
            listener.bargeIn();
        } else if (event instanceof ConversationEvent.Usage) {
            TokenUsage delta = ((ConversationEvent.Usage) event).delta();
            listener.tokens("input", "speech", delta.input().speechTokens());
            listener.tokens("input", "text", delta.input().textTokens());
            listener.tokens("output", "speech", delta.output().speechTokens());
            listener.tokens("output", "text", delta.output().textTokens());
        }
    }

    private void record(ConversationEvent.Transcript transcript) {
        if (transcript.stage() != GenerationStage.FINAL) {
            return;
        }
        if (transcript.role() == Role.USER) {
            if (transcript.text().strip().equals(awaitedEchoes.peekFirst())) {
                awaitedEchoes.removeFirst();
                return;
            }
            // The service has heard the audio so far: only what follows needs replaying to a new stream.
            replay.clear();
            history.add(Role.USER, transcript.text());
        } else if (transcript.role() == Role.ASSISTANT) {
            history.add(Role.ASSISTANT, transcript.text());
        }
    }

    private void emit(ConversationEvent event) {
        Sinks.EmitResult result = events.tryEmitNext(event);
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_CANCELLED) {
            LOG.log(System.Logger.Level.DEBUG, "{0} could not deliver {1}: {2}", this, event, result);
        }
    }

    private synchronized void onToolResult(Leg leg, String toolUseId, String json) {
        if (tools.finish(toolUseId) && state == State.RUNNING && leg == streams.current()) {
            leg.sequencer().sendToolResult(toolUseId, json);
        }
    }

    // ---- streams (StreamHost) ----

    @Override
    public void adopted(Leg leg, @Nullable RenewalCause cause, String reason) {
        ShapedHistory shaped = shaper.shape(history.turns());
        if (shaped.report().lossy()) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "{0}: history shaped to the service''s limits: {1}",
                    this,
                    shaped.report());
        }
        leg.sequencer().sendHistory(shaped);
        if (cause == null) {
            return;
        }
        byte[] recent = replay.snapshot();
        if (recent.length > 0) {
            leg.sequencer().sendAudio(recent);
        }
        for (String text : textsWhileReconnecting) {
            sendUserText(leg, text);
        }
        textsWhileReconnecting.clear();
        listener.renewed(cause);
        emit(new ConversationEvent.Renewed(cause, reason));
    }

    @Override
    public boolean atTurnBoundary(Leg leg) {
        return !leg.interpreter().assistantBusy() && tools.idle();
    }

    @Override
    public void leaving(Leg leg) {
        tools.cancel(leg);
    }

    @Override
    public void recovering(@Nullable Throwable error) {
        listener.recovered(
                error instanceof BidiStreamException
                        ? ((BidiStreamException) error).kind().name().toLowerCase(Locale.ROOT)
                        : error == null ? "ended" : "other");
    }

    @Override
    public void failed(String reason, @Nullable Throwable error) {
        if (state == State.CLOSING) {
            finishClose();
            return;
        }
        if (state == State.CLOSED) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "{0} ends: {1}", this, reason);
        terminate(new ConversationEvent.Closed(reason, error != null ? error : new IllegalStateException(reason)));
    }

    @Override
    public boolean running() {
        return state == State.RUNNING;
    }

    // ---- closing ----

    private synchronized void beginClose() {
        if (state != State.RUNNING) {
            return;
        }
        state = State.CLOSING;
        keepAlive.stop();
        tools.cancel(null);
        Leg leg = streams.stop(true);
        if (leg == null) {
            finishClose();
            return;
        }
        leg.closeGracefully(StreamRotation.CLOSE_GRACE, scheduler);
        // If the service does not end the stream in time, the leg resets it and closing ends here.
        closeTimer.update(scheduler.schedule(
                () -> {
                    synchronized (this) {
                        finishClose();
                    }
                },
                StreamRotation.CLOSE_GRACE.toNanos(),
                TimeUnit.NANOSECONDS));
    }

    private void finishClose() {
        if (state != State.CLOSED) {
            terminate(new ConversationEvent.Closed("closed by the client", null));
        }
    }

    private void terminate(ConversationEvent.Closed closedEvent) {
        state = State.CLOSED;
        keepAlive.stop();
        closeTimer.update(Disposables.disposed());
        tools.cancel(null);
        streams.stop(false);
        emit(closedEvent);
        events.tryEmitComplete();
        closed.tryEmitEmpty();
    }
}
