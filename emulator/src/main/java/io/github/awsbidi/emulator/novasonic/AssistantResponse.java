package io.github.awsbidi.emulator.novasonic;

import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * The model's answer to one user turn, from {@code completionStart} to {@code completionEnd}: the
 * user's transcript, an optional tool call (then a wait for its result), the assistant's
 * SPECULATIVE text, its audio paced out chunk by chunk in (scaled) real time, its FINAL text and a
 * usage report. Barge-in {@linkplain #interrupt() interrupts} the audio.
 */
final class AssistantResponse {

    static final String INTERRUPTED_MARKER = "{ \"interrupted\" : true }";

    /** What a response needs from the simulator that runs it. */
    interface Host {

        void emit(String eventJson);

        /** A {@code toolUse} was emitted: route the result for this id to {@link #toolResult}. */
        void awaitToolResult(String toolUseId, AssistantResponse response);

        /** {@code completionEnd} was emitted. */
        void finished(AssistantResponse response);
    }

    private enum State {
        THINKING,
        AWAITING_TOOL_RESULT,
        SPEAKING,
        DONE
    }

    private final String userTranscript;

    private final OutputEvents events;

    private final SpeechSynthesizer voice;

    private final UsageAccountant usage;

    private final ToolPlanner tools;

    private final NovaSonicOptions options;

    private final Timers timers;

    private final Host host;

    private final String completionId = UUID.randomUUID().toString();

    private State state = State.THINKING;

    private @Nullable ScheduledFuture<?> pending;

    private @Nullable String toolName;

    private String replyText = "";

    private String audioContentId = "";

    private int audioSamples;

    private int sentSamples;

    AssistantResponse(
            String userTranscript,
            OutputEvents events,
            SpeechSynthesizer voice,
            UsageAccountant usage,
            ToolPlanner tools,
            NovaSonicOptions options,
            Timers timers,
            Host host) {
        this.userTranscript = userTranscript;
        this.events = events;
        this.voice = voice;
        this.usage = usage;
        this.tools = tools;
        this.options = options;
        this.timers = timers;
        this.host = host;
    }

    void start() {
        host.emit(events.completionStart(completionId));
        emitText("USER", "FINAL", userTranscript, "END_TURN");
        pending = timers.after(options.responseDelay(), this::afterThinking);
    }

    /** Whether assistant audio is being paced out, so user speech may barge in. */
    boolean isSpeaking() {
        return state == State.SPEAKING;
    }

    /** Whether it waits for a tool result that only the client can send. */
    boolean isAwaitingToolResult() {
        return state == State.AWAITING_TOOL_RESULT;
    }

    void toolResult(String content) {
        if (state != State.AWAITING_TOOL_RESULT) {
            return;
        }
        state = State.THINKING;
        String reply = "The " + toolName + " tool says: " + content;
        pending = timers.after(options.responseDelay(), () -> speak(reply));
    }

    /** User speech over the assistant: stop the audio and say so, the way the service does. */
    void interrupt() {
        if (state != State.SPEAKING) {
            return;
        }
        cancelPending();
        host.emit(events.contentEnd(completionId, audioContentId, "AUDIO", "INTERRUPTED"));
        emitText("ASSISTANT", "FINAL", INTERRUPTED_MARKER, "INTERRUPTED");
        end("INTERRUPTED");
    }

    /** Stops without emitting anything more (the stream closed). */
    void cancel() {
        state = State.DONE;
        cancelPending();
    }

    private void afterThinking() {
        Optional<ToolPlanner.ToolCall> call = tools.plan(userTranscript);
        if (call.isEmpty()) {
            speak(reply(userTranscript));
            return;
        }
        toolName = call.get().toolName();
        String toolUseId = UUID.randomUUID().toString();
        String contentId = UUID.randomUUID().toString();
        host.emit(events.toolContentStart(completionId, contentId));
        host.emit(events.toolUse(
                completionId, contentId, toolName, toolUseId, call.get().argumentsJson()));
        host.emit(events.contentEnd(completionId, contentId, "TOOL", "TOOL_USE"));
        usage.outputText(call.get().argumentsJson());
        state = State.AWAITING_TOOL_RESULT;
        host.awaitToolResult(toolUseId, this);
    }

    private void speak(String text) {
        replyText = text;
        usage.outputText(text);
        emitText("ASSISTANT", "SPECULATIVE", text, "PARTIAL_TURN");
        audioContentId = UUID.randomUUID().toString();
        host.emit(events.audioContentStart(completionId, audioContentId));
        double seconds = text.length() * options.speechPerCharacter().toNanos() / 1e9;
        audioSamples = Math.max(1, (int) Math.round(seconds * voice.sampleRate()));
        sentSamples = 0;
        state = State.SPEAKING;
        sendNextChunk();
    }

    private void sendNextChunk() {
        if (state != State.SPEAKING) {
            return;
        }
        if (sentSamples >= audioSamples) {
            finishSpeaking();
            return;
        }
        long chunkNanos = options.audioChunkDuration().toNanos();
        int chunkSamples = (int) Math.max(1, chunkNanos * voice.sampleRate() / 1_000_000_000L);
        int count = Math.min(chunkSamples, audioSamples - sentSamples);
        byte[] pcm = voice.render(sentSamples, count, audioSamples);
        host.emit(events.audioOutput(
                completionId, audioContentId, Base64.getEncoder().encodeToString(pcm)));
        sentSamples += count;
        double chunkSeconds = count / (double) voice.sampleRate();
        usage.outputSpeech(chunkSeconds);
        // The next chunk leaves when this one has played: the client never holds much unplayed audio.
        pending = timers.after(Duration.ofNanos(Math.round(chunkSeconds * 1e9)), this::sendNextChunk);
    }

    private void finishSpeaking() {
        host.emit(events.contentEnd(completionId, audioContentId, "AUDIO", "END_TURN"));
        emitText("ASSISTANT", "FINAL", replyText, "END_TURN");
        end("END_TURN");
    }

    private void end(String stopReason) {
        state = State.DONE;
        host.emit(events.usageEvent(completionId, usage.report()));
        host.emit(events.completionEnd(completionId, stopReason));
        host.finished(this);
    }

    private void emitText(String role, String stage, String text, String stopReason) {
        String contentId = UUID.randomUUID().toString();
        host.emit(events.textContentStart(completionId, contentId, role, stage));
        host.emit(events.textOutput(completionId, contentId, role, text));
        host.emit(events.contentEnd(completionId, contentId, "TEXT", stopReason));
    }

    private void cancelPending() {
        ScheduledFuture<?> future = pending;
        pending = null;
        if (future != null) {
            future.cancel(false);
        }
    }

    static String reply(String userTranscript) {
        String said = userTranscript.strip().replaceAll("[.!?\\s]+$", "");
        return said.isEmpty() ? "You said nothing." : "You said: " + said + ".";
    }
}
