package io.github.awsbidi.novasonic;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Exchange;
import io.github.awsbidi.novasonic.audio.RollingAudioBuffer;
import io.github.awsbidi.novasonic.event.GenerationStage;
import io.github.awsbidi.novasonic.event.NovaSonicCodec;
import io.github.awsbidi.novasonic.event.OutputEvent;
import io.github.awsbidi.novasonic.event.Role;
import io.github.awsbidi.novasonic.history.ConversationHistory;
import io.github.awsbidi.novasonic.history.HistoryShaper;
import io.github.awsbidi.novasonic.history.ShapedHistory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The {@link Conversation} over a sequence of {@link Leg}s (one HTTP/2 stream each). One lock guards
 * all state; events reach the caller's sink under it, so they stay in order.
 *
 * <p>Renewal: when the current stream reaches {@code renewal.threshold}, the next stream is opened
 * and started (sessionStart, promptStart, system prompt). At the next turn boundary (the assistant
 * finished or was interrupted, and no tool call is pending) or at the latest {@code renewal.forceAfter}
 * later, it becomes current: it receives the shaped history and the rolling buffer of recent user audio
 * (the audio since the last user transcript, at most {@code renewal.audioReplay}), and the old stream
 * is closed in the background. Recovery from a recoverable error does the same with a freshly opened
 * stream after a back-off.
 */
final class StreamingConversation implements Conversation {

    private static final System.Logger LOG = System.getLogger(StreamingConversation.class.getName());

    /** How long a closing stream may take to end by itself before it is reset. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    /** Encoded events that may wait for the HTTP/2 window, per stream (~30 s of audio). */
    static final int OUTBOUND_FRAMES = 1024;

    // Typed texts whose echo as a USER transcript is awaited, so that they enter the history once.
    private static final int MAX_AWAITED_ECHOES = 16;

    private enum State { RUNNING, CLOSING, CLOSED }

    private record PendingTool(Leg leg, Disposable work) {
    }

    private final String id = UUID.randomUUID().toString();
    private final BidirectionalSession session;
    private final NovaSonicSettings settings;
    private final Scheduler scheduler;
    private final NovaSonicCodec codec = new NovaSonicCodec();
    private final HistoryShaper shaper = new HistoryShaper();
    private final ConversationHistory history;
    private final RollingAudioBuffer replay;
    private final Sinks.Many<ConversationEvent> events = Sinks.many().unicast().onBackpressureBuffer();
    private final Sinks.Empty<Void> closed = Sinks.empty();
    private final Map<String, PendingTool> pendingTools = new LinkedHashMap<>();
    private final Deque<String> awaitedEchoes = new ArrayDeque<>();
    private final List<String> textsWhileReconnecting = new ArrayList<>();
    private final Disposable.Swap renewalTimer = Disposables.swap();
    private final Disposable.Swap forceTimer = Disposables.swap();
    private final Disposable.Swap idleTimer = Disposables.swap();
    private final Disposable.Swap recoveryTimer = Disposables.swap();
    private final Disposable.Swap closeTimer = Disposables.swap();

    private State state = State.RUNNING;
    private @Nullable Leg current;
    private @Nullable Leg next;
    private boolean preOpening;
    private boolean renewalDue;
    private boolean forceDue;
    private int streams;
    private int recoveryAttempts;
    private String recoveryReason = "";

    StreamingConversation(BidirectionalSession session, NovaSonicSettings settings, Scheduler scheduler) {
        this.session = session;
        this.settings = settings;
        this.scheduler = scheduler;
        this.history = new ConversationHistory(settings.history());
        this.replay = RollingAudioBuffer.of(settings.renewal().audioReplay(), settings.inputSampleRate());
    }

    /** Takes the first stream: sends the opening sequence with the configured history. */
    synchronized void begin(Exchange exchange) {
        Leg leg = newLeg(exchange);
        leg.sequencer().start();
        ShapedHistory shaped = shape();
        leg.sequencer().sendHistory(shaped);
        current = leg;
        scheduleRenewal(leg);
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

    @Override
    public String toString() {
        return "Conversation[" + id + "]";
    }

    // ---- input ----

    private synchronized void audio(byte[] pcm) {
        requireRunning();
        replay.write(pcm);
        // While reconnecting the audio only goes to the replay buffer, which the next stream receives.
        if (current != null) {
            current.sequencer().sendAudio(pcm);
        }
    }

    private synchronized void text(String text) {
        requireRunning();
        if (current == null) {
            textsWhileReconnecting.add(text);
            return;
        }
        sendUserText(current, text);
    }

    private void sendUserText(Leg leg, String text) {
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

    private synchronized void onOutput(Leg leg, OutputEvent event) {
        if (state == State.CLOSED || leg != current) {
            // Output of a stream being replaced or not yet in use is not the caller's business.
            return;
        }
        recoveryAttempts = 0;
        OutputInterpreter.Interpretation meaning = leg.interpreter().accept(event);
        for (ConversationEvent conversationEvent : meaning.events()) {
            if (conversationEvent instanceof ConversationEvent.Transcript) {
                record((ConversationEvent.Transcript) conversationEvent);
            }
            else if (conversationEvent instanceof ConversationEvent.Interrupted) {
                cancelTools();
            }
            emit(conversationEvent);
            if (conversationEvent instanceof ConversationEvent.ToolCall) {
                startTool(leg, (ConversationEvent.ToolCall) conversationEvent);
            }
        }
        if (meaning.boundary()) {
            tryHandOff();
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
        }
        else if (transcript.role() == Role.ASSISTANT) {
            history.add(Role.ASSISTANT, transcript.text());
        }
    }

    private void emit(ConversationEvent event) {
        Sinks.EmitResult result = events.tryEmitNext(event);
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_CANCELLED) {
            LOG.log(System.Logger.Level.DEBUG, "{0} could not deliver {1}: {2}", this, event, result);
        }
    }

    // ---- tools ----

    private void startTool(Leg leg, ConversationEvent.ToolCall call) {
        NovaSonicTool tool = settings.tool(call.name());
        if (tool == null) {
            leg.sequencer().sendToolResult(call.toolUseId(),
                    ToolResults.error("no handler is registered for tool '" + call.name() + "'"));
            return;
        }
        Mono<String> result = Mono.defer(() -> tool.handler().handle(call))
                .map(ToolResults::success)
                .switchIfEmpty(Mono.fromSupplier(() -> ToolResults.success(null)))
                .onErrorResume(error -> Mono.just(ToolResults.error(error)))
                .subscribeOn(Schedulers.boundedElastic());
        // The result callback needs this object's lock, which is held until the call is registered.
        Disposable work = result.subscribe(json -> onToolResult(leg, call.toolUseId(), json));
        pendingTools.put(call.toolUseId(), new PendingTool(leg, work));
    }

    private synchronized void onToolResult(Leg leg, String toolUseId, String json) {
        PendingTool pending = pendingTools.remove(toolUseId);
        if (pending == null || state != State.RUNNING || leg != current) {
            return;
        }
        leg.sequencer().sendToolResult(toolUseId, json);
    }

    private void cancelTools() {
        pendingTools.values().forEach(pending -> pending.work().dispose());
        pendingTools.clear();
    }

    // ---- streams ----

    private Leg newLeg(Exchange exchange) {
        streams++;
        Leg leg = new Leg("stream " + streams + " of " + this, exchange, settings, codec, OUTBOUND_FRAMES);
        leg.run(event -> onOutput(leg, event), error -> scheduler.schedule(() -> onLegEnd(leg, error)));
        return leg;
    }

    private ShapedHistory shape() {
        ShapedHistory shaped = shaper.shape(history.turns());
        if (shaped.report().lossy()) {
            LOG.log(System.Logger.Level.INFO, "{0}: history shaped to the service''s limits: {1}", this,
                    shaped.report());
        }
        return shaped;
    }

    /** Makes {@code leg} (already started) the current stream and hands it the conversation so far. */
    private void adopt(Leg leg, String reason) {
        current = leg;
        renewalDue = false;
        forceDue = false;
        leg.sequencer().sendHistory(shape());
        byte[] recent = replay.snapshot();
        if (recent.length > 0) {
            leg.sequencer().sendAudio(recent);
        }
        for (String text : textsWhileReconnecting) {
            sendUserText(leg, text);
        }
        textsWhileReconnecting.clear();
        scheduleRenewal(leg);
        emit(new ConversationEvent.Renewed(reason));
    }

    private synchronized void onLegEnd(Leg leg, @Nullable Throwable error) {
        if (state == State.CLOSED) {
            leg.cancel();
            return;
        }
        if (leg == next) {
            next = null;
            idleTimer.update(Disposables.disposed());
            leg.cancel();
            if (state == State.RUNNING && renewalDue) {
                schedule(this::preOpen, settings.recovery().initialBackoff());
            }
            return;
        }
        if (leg != current) {
            // A replaced stream ended, as it should.
            leg.cancel();
            return;
        }
        if (state == State.CLOSING) {
            finishClose();
            return;
        }
        current = null;
        leg.cancel();
        cancelTools();
        renewalTimer.update(Disposables.disposed());
        forceTimer.update(Disposables.disposed());
        recoverOrClose(error == null ? "the service ended the stream" : describe(error), error);
    }

    private void recoverOrClose(String reason, @Nullable Throwable error) {
        NovaSonicSettings.Recovery recovery = settings.recovery();
        if (!recoverable(error) || !recovery.enabled() || recoveryAttempts >= recovery.maxAttempts()) {
            closeWithError(reason, error);
            return;
        }
        recoveryAttempts++;
        recoveryReason = "recovered from: " + reason;
        LOG.log(System.Logger.Level.INFO, "{0}: {1}; reconnecting (attempt {2})", this, reason, recoveryAttempts);
        recoveryTimer.update(schedule(this::reopen, backoff(recoveryAttempts)));
    }

    private static boolean recoverable(@Nullable Throwable error) {
        return error == null || (error instanceof BidiStreamException && ((BidiStreamException) error).retryable());
    }

    private Duration backoff(int attempt) {
        Duration delay = settings.recovery().initialBackoff();
        for (int i = 1; i < attempt && delay.compareTo(settings.recovery().maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        Duration max = settings.recovery().maxBackoff();
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private synchronized void reopen() {
        if (state != State.RUNNING || current != null) {
            return;
        }
        Leg ready = next;
        if (ready != null) {
            next = null;
            idleTimer.update(Disposables.disposed());
            adopt(ready, recoveryReason);
            return;
        }
        session.open().subscribe(this::onReopened, this::onReopenFailed);
    }

    private synchronized void onReopened(Exchange exchange) {
        if (state != State.RUNNING || current != null) {
            exchange.cancel();
            return;
        }
        Leg leg = newLeg(exchange);
        leg.sequencer().start();
        adopt(leg, recoveryReason);
    }

    private synchronized void onReopenFailed(Throwable error) {
        if (state != State.RUNNING || current != null) {
            return;
        }
        recoverOrClose(describe(error), error);
    }

    // ---- renewal ----

    private void scheduleRenewal(Leg leg) {
        if (settings.renewal().enabled()) {
            renewalTimer.update(schedule(() -> onThreshold(leg), settings.renewal().threshold()));
        }
    }

    private synchronized void onThreshold(Leg leg) {
        if (state != State.RUNNING || leg != current) {
            return;
        }
        renewalDue = true;
        forceTimer.update(schedule(() -> onForce(leg), settings.renewal().forceAfter()));
        preOpen();
        tryHandOff();
    }

    private synchronized void onForce(Leg leg) {
        if (state != State.RUNNING || leg != current || !renewalDue) {
            return;
        }
        forceDue = true;
        if (next != null) {
            handOff("renewal forced: no turn boundary within " + settings.renewal().forceAfter());
        }
    }

    private synchronized void preOpen() {
        if (state != State.RUNNING || preOpening || next != null) {
            return;
        }
        preOpening = true;
        session.open().subscribe(this::onPreOpened, this::onPreOpenFailed);
    }

    private synchronized void onPreOpened(Exchange exchange) {
        preOpening = false;
        if (state != State.RUNNING || (!renewalDue && current != null)) {
            exchange.cancel();
            return;
        }
        Leg leg = newLeg(exchange);
        leg.sequencer().start();
        next = leg;
        idleTimer.update(schedule(() -> onPreOpenedIdle(leg), settings.renewal().preOpenedIdleLimit()));
        if (current == null) {
            // The current stream failed while this one was opening: recover onto it.
            recoveryTimer.update(Disposables.disposed());
            reopen();
        }
        else if (forceDue) {
            handOff("renewal forced: no turn boundary within " + settings.renewal().forceAfter());
        }
        else {
            tryHandOff();
        }
    }

    private synchronized void onPreOpenFailed(Throwable error) {
        preOpening = false;
        if (state == State.RUNNING && renewalDue) {
            LOG.log(System.Logger.Level.INFO, "{0}: could not pre-open the next stream: {1}", this, describe(error));
            schedule(this::preOpen, settings.recovery().maxBackoff());
        }
    }

    private synchronized void onPreOpenedIdle(Leg leg) {
        if (state != State.RUNNING || next != leg) {
            return;
        }
        // A stream that waited too long may have been dropped by the service: start a fresh one.
        next = null;
        leg.closeGracefully(CLOSE_GRACE, scheduler);
        preOpen();
    }

    private void tryHandOff() {
        Leg active = current;
        if (state == State.RUNNING && renewalDue && next != null && active != null
                && !active.interpreter().assistantBusy() && pendingTools.isEmpty()) {
            handOff("session renewal after " + active.age().toSeconds() + " s");
        }
    }

    private void handOff(String reason) {
        Leg old = current;
        Leg fresh = next;
        if (fresh == null) {
            return;
        }
        next = null;
        idleTimer.update(Disposables.disposed());
        forceTimer.update(Disposables.disposed());
        cancelTools();
        adopt(fresh, reason);
        if (old != null) {
            old.closeGracefully(CLOSE_GRACE, scheduler);
        }
    }

    // ---- closing ----

    private synchronized void beginClose() {
        if (state != State.RUNNING) {
            return;
        }
        state = State.CLOSING;
        cancelTimers();
        cancelTools();
        if (next != null) {
            next.cancel();
            next = null;
        }
        Leg leg = current;
        if (leg == null) {
            finishClose();
            return;
        }
        leg.closeGracefully(CLOSE_GRACE, scheduler);
        // If the service does not end the stream in time, the leg resets it and closing ends here.
        closeTimer.update(schedule(this::finishClose, CLOSE_GRACE));
    }

    private synchronized void finishClose() {
        if (state == State.CLOSED) {
            return;
        }
        terminate(new ConversationEvent.Closed("closed by the client", null));
    }

    private void closeWithError(String reason, @Nullable Throwable error) {
        LOG.log(System.Logger.Level.INFO, "{0} ends: {1}", this, reason);
        terminate(new ConversationEvent.Closed(reason,
                error != null ? error : new IllegalStateException(reason)));
    }

    private void terminate(ConversationEvent.Closed closedEvent) {
        state = State.CLOSED;
        cancelTimers();
        cancelTools();
        if (current != null) {
            current.cancel();
            current = null;
        }
        if (next != null) {
            next.cancel();
            next = null;
        }
        emit(closedEvent);
        events.tryEmitComplete();
        closed.tryEmitEmpty();
    }

    private void cancelTimers() {
        renewalTimer.update(Disposables.disposed());
        forceTimer.update(Disposables.disposed());
        idleTimer.update(Disposables.disposed());
        recoveryTimer.update(Disposables.disposed());
        closeTimer.update(Disposables.disposed());
    }

    private Disposable schedule(Runnable task, Duration delay) {
        return scheduler.schedule(task, Math.max(1, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    private static String describe(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
    }
}
