package io.github.awsbidi.emulator.novasonic;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scripted Amazon Nova 2.5 Sonic (and Nova 2 Sonic, which speaks the same protocol) for one bidirectional stream. It validates the input events,
 * detects the end of each user turn (interactive text, end of audio content, or silence after
 * speech), answers with transcripts, tool use, synthesized speech and usage, honours barge-in, and
 * fails the stream the way the service does (validation errors, idle, audio-idle and session timeouts,
 * injected instability).
 *
 * <p>Not thread-safe: every method must be called on the thread of the {@code scheduler} given to
 * the constructor (the stream's event loop), which also runs the simulator's timers.
 */
public final class NovaSonicSimulator {

    /** The model this simulator plays by default (Nova 2.5 Sonic; Nova 2 Sonic behaves the same here). */
    public static final String MODEL_ID = "amazon.nova-2-5-sonic";

    // Observed (aws-samples/amazon-nova-samples#69): a stream that receives no audio input is ended so.
    static final String AUDIO_IDLE_MESSAGE = "Timed out waiting for input events";

    static final String IDLE_TIMEOUT_MESSAGE =
            "InternalErrorCode=531::RST_STREAM closed stream. HTTP/2 error code: NO_ERROR";

    static final String INSTABILITY_MESSAGE = "System instability detected. Please retry your request.";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NovaSonicOptions options;

    private final NovaSonicSink sink;

    private final Timers timers;

    private final InputProtocol input;

    private final UsageAccountant usage = new UsageAccountant();

    private final String sessionId = UUID.randomUUID().toString();

    private final Queue<String> waitingTurns = new ArrayDeque<>();

    private final Map<String, AssistantResponse> awaitedToolResults = new HashMap<>();

    private final AssistantResponse.Host responseHost = new ResponseHost();

    private EndpointingSensitivity sensitivity = EndpointingSensitivity.MEDIUM;

    private @Nullable OutputEvents events;

    private @Nullable SpeechSynthesizer voice;

    private @Nullable ToolPlanner tools;

    private @Nullable SpeechDetector speech;

    private @Nullable AssistantResponse current;

    private @Nullable ScheduledFuture<?> sessionTimer;

    private @Nullable ScheduledFuture<?> idleTimer;

    private @Nullable ScheduledFuture<?> audioIdleTimer;

    private int inputEvents;

    private boolean inputFinished;

    private boolean closed;

    /**
     * Creates the simulator of one stream.
     * @param options how the model behaves
     * @param scheduler the stream's single-threaded scheduler; every call must happen on its thread
     * @param sink where output events and the end of the stream go
     */
    public NovaSonicSimulator(NovaSonicOptions options, ScheduledExecutorService scheduler, NovaSonicSink sink) {
        this.options = options;
        this.sink = sink;
        this.timers = new Timers(scheduler, options, () -> closed, this::internalError);
        this.input = new InputProtocol(JSON, new InputHandler());
    }

    /**
     * Handles one input event.
     * @param eventJson the JSON text carried by one request {@code chunk}
     */
    public void onInput(String eventJson) {
        if (closed) {
            return;
        }
        inputEvents++;
        try {
            input.accept(eventJson);
        } catch (InputRejectedException ex) {
            fail("validationException", ex.getMessage());
            return;
        } catch (RuntimeException ex) {
            internalError(ex);
            return;
        }
        if (closed) {
            return;
        }
        if (input.audioStarted() && !inputFinished) {
            restartIdleTimer();
        }
        Integer unstableAfter = options.instabilityAfterEvents();
        if (unstableAfter != null && inputEvents >= unstableAfter) {
            fail("internalServerException", INSTABILITY_MESSAGE);
        }
    }

    /** The client half-closed the request stream: finish the output in flight, then complete. */
    public void onInputComplete() {
        if (closed) {
            return;
        }
        inputFinished = true;
        cancel(idleTimer);
        cancel(audioIdleTimer);
        completeWhenIdle();
    }

    /** The stream was reset: stop every timer and emit nothing more. */
    public void onCancel() {
        close();
    }

    private void restartAudioIdleTimer() {
        cancel(audioIdleTimer);
        audioIdleTimer =
                timers.after(options.audioIdleTimeout(), () -> fail("validationException", AUDIO_IDLE_MESSAGE));
    }

    private void restartIdleTimer() {
        cancel(idleTimer);
        idleTimer = timers.after(options.silenceTimeout(), () -> fail("validationException", IDLE_TIMEOUT_MESSAGE));
    }

    private void enqueueTurn(String transcript) {
        waitingTurns.add(transcript);
        startNextTurn();
    }

    private void startNextTurn() {
        if (closed || current != null || waitingTurns.isEmpty() || events == null || voice == null || tools == null) {
            return;
        }
        AssistantResponse response = new AssistantResponse(
                waitingTurns.remove(), events, voice, usage, tools, options, timers, responseHost);
        current = response;
        response.start();
    }

    private void completeWhenIdle() {
        if (closed || !inputFinished) {
            return;
        }
        AssistantResponse response = current;
        if (response != null && response.isAwaitingToolResult()) {
            // The client can no longer send the result this response waits for.
            response.cancel();
            current = null;
            waitingTurns.clear();
        }
        if (current == null && waitingTurns.isEmpty()) {
            close();
            sink.complete();
        }
    }

    private void fail(String exceptionType, String message) {
        if (closed) {
            return;
        }
        close();
        sink.fail(exceptionType, message);
    }

    private void internalError(RuntimeException ex) {
        fail("internalServerException", "The Nova Sonic simulator failed: " + ex);
    }

    private void close() {
        closed = true;
        cancel(sessionTimer);
        cancel(idleTimer);
        cancel(audioIdleTimer);
        AssistantResponse response = current;
        current = null;
        if (response != null) {
            response.cancel();
        }
        waitingTurns.clear();
        awaitedToolResults.clear();
    }

    private static void cancel(@Nullable ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.toMillis() + " ms";
        }
        return seconds % 60 == 0 ? (seconds / 60) + " minutes" : seconds + " seconds";
    }

    private String audioTranscript(double seconds) {
        String fixed = options.audioTranscript();
        return fixed != null ? fixed : String.format(Locale.ROOT, "heard %.1f seconds of speech", seconds);
    }

    /** Turns accepted input events into conversation state. */
    private final class InputHandler implements InputListener {

        @Override
        public void sessionStarted(EndpointingSensitivity value) {
            sensitivity = value;
            restartAudioIdleTimer();
            sessionTimer = timers.after(
                    options.sessionLimit(),
                    () -> fail(
                            "modelTimeoutException",
                            "Model has timed out in processing the request: the session reached its limit of "
                                    + describe(options.sessionLimit()) + ". Start a new session to continue."));
        }

        @Override
        public void promptStarted(PromptSettings prompt) {
            events = new OutputEvents(JSON, sessionId, prompt.promptName(), prompt.outputSampleRate());
            voice = new SpeechSynthesizer(prompt.outputSampleRate(), prompt.voiceId());
            tools = new ToolPlanner(JSON, options.toolTriggers(), prompt.toolInputSchemas());
        }

        @Override
        public void textRead(String text) {
            usage.inputText(text);
        }

        @Override
        public void userTextTurn(String text) {
            enqueueTurn(text);
        }

        @Override
        public void audioStarted(int sampleRateHertz) {
            double endSilence = options.endOfSpeechSilence().toNanos() / 1e9 * sensitivity.silenceFactor();
            speech = new SpeechDetector(sampleRateHertz, options.speechRmsThreshold(), endSilence);
        }

        @Override
        public void audioReceived(byte[] pcm) {
            restartAudioIdleTimer();
            SpeechDetector detector = speech;
            if (detector == null) {
                return;
            }
            SpeechDetector.Chunk chunk = detector.accept(pcm);
            usage.inputSpeech(chunk.seconds());
            AssistantResponse response = current;
            if (chunk.speech() && options.bargeIn() && response != null && response.isSpeaking()) {
                response.interrupt();
            }
            Double utterance = chunk.endedUtteranceSeconds();
            if (utterance != null) {
                enqueueTurn(audioTranscript(utterance));
            }
        }

        @Override
        public void audioEnded() {
            SpeechDetector detector = speech;
            speech = null;
            Double utterance = detector == null ? null : detector.flush();
            if (utterance != null) {
                enqueueTurn(audioTranscript(utterance));
            }
        }

        @Override
        public boolean awaitsToolResult(String toolUseId) {
            return awaitedToolResults.containsKey(toolUseId);
        }

        @Override
        public void toolResultReceived(String toolUseId, String content) {
            AssistantResponse response = awaitedToolResults.remove(toolUseId);
            if (response != null) {
                response.toolResult(content);
            }
        }

        @Override
        public void promptEnded() {
            // Nothing to do: the response in flight finishes, and only sessionEnd may follow.
        }

        @Override
        public void sessionEnded() {
            inputFinished = true;
            cancel(idleTimer);
            cancel(audioIdleTimer);
            completeWhenIdle();
        }
    }

    /** Lets the response in flight emit and report back. */
    private final class ResponseHost implements AssistantResponse.Host {

        @Override
        public void emit(String eventJson) {
            if (!closed) {
                sink.emit(eventJson);
            }
        }

        @Override
        public void awaitToolResult(String toolUseId, AssistantResponse response) {
            awaitedToolResults.put(toolUseId, response);
            completeWhenIdle();
        }

        @Override
        public void finished(AssistantResponse response) {
            if (current == response) {
                current = null;
            }
            startNextTurn();
            completeWhenIdle();
        }
    }
}
