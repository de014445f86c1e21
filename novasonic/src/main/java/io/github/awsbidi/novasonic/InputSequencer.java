package io.github.awsbidi.novasonic;

import io.github.awsbidi.novasonic.audio.AudioChunker;
import io.github.awsbidi.novasonic.event.AudioOutputConfiguration;
import io.github.awsbidi.novasonic.event.InferenceConfiguration;
import io.github.awsbidi.novasonic.event.InputEvent;
import io.github.awsbidi.novasonic.event.MediaTypeConfiguration;
import io.github.awsbidi.novasonic.event.Role;
import io.github.awsbidi.novasonic.event.ToolConfiguration;
import io.github.awsbidi.novasonic.event.TurnDetectionConfiguration;
import io.github.awsbidi.novasonic.history.HistoryMessage;
import io.github.awsbidi.novasonic.history.HistoryShaper;
import io.github.awsbidi.novasonic.history.ShapedHistory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Orders the input events of one stream. It emits the opening sequence (sessionStart, promptStart with
 * the tools, the SYSTEM block, the SYSTEM_SPEECH block, the history blocks), opens the user's AUDIO block on the first audio,
 * cuts audio into ~32 ms {@code audioInput}s, and ends with the closing sequence (audio contentEnd,
 * promptEnd, sessionEnd). Writes are serialised: every event reaches the sink under one lock, whole
 * TEXT and TOOL blocks are emitted at once, and while a caller holds a {@link TextBlock} open, audio and
 * other blocks wait and follow its contentEnd in arrival order, because the service rejects an
 * {@code audioInput} inside a text block. Thread-safe.
 */
final class InputSequencer {

    /** Audio waiting behind an open text block beyond this many bytes is refused (30 s at 16 kHz). */
    static final int DEFAULT_MAX_WAITING_AUDIO_BYTES = 30 * 32_000;

    private enum State {
        NEW,
        OPEN,
        CLOSED
    }

    private final NovaSonicSettings settings;
    private final String promptName;
    private final Supplier<String> contentNames;
    private final InputSink sink;
    private final AudioChunker chunker;
    private final int maxWaitingAudioBytes;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int waitingAudioBytes;
    private State state = State.NEW;
    private @Nullable String audioContentName;
    private @Nullable TextBlock openBlock;
    private boolean historySent;
    private boolean liveTextSent;

    InputSequencer(NovaSonicSettings settings, String promptName, Supplier<String> contentNames, InputSink sink) {
        this(settings, promptName, contentNames, sink, DEFAULT_MAX_WAITING_AUDIO_BYTES);
    }

    InputSequencer(
            NovaSonicSettings settings,
            String promptName,
            Supplier<String> contentNames,
            InputSink sink,
            int maxWaitingAudioBytes) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.promptName = Objects.requireNonNull(promptName, "promptName");
        this.contentNames = Objects.requireNonNull(contentNames, "contentNames");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.chunker = AudioChunker.forRate(settings.inputSampleRate());
        this.maxWaitingAudioBytes = maxWaitingAudioBytes;
    }

    /** Emits the whole opening sequence: {@link #start()} then {@link #sendHistory(ShapedHistory)}. */
    synchronized void open(ShapedHistory history) {
        start();
        sendHistory(history);
    }

    /**
     * Emits sessionStart, promptStart (with the tools), the SYSTEM block and the SYSTEM_SPEECH block: what a stream can be
     * opened with before its history is known.
     */
    synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("the stream was already opened");
        }
        state = State.OPEN;
        sink.accept(new InputEvent.SessionStart(
                new InferenceConfiguration(settings.maxTokens(), settings.topP(), settings.temperature()),
                new TurnDetectionConfiguration(settings.endpointingSensitivity())));
        ToolConfiguration tools = settings.tools().isEmpty()
                ? null
                : new ToolConfiguration(
                        settings.toolChoice(),
                        settings.tools().stream().map(NovaSonicTool::toolSpec).toList());
        sink.accept(new InputEvent.PromptStart(
                promptName,
                MediaTypeConfiguration.TEXT_PLAIN,
                AudioOutputConfiguration.pcm16(settings.outputSampleRate(), settings.voiceId()),
                MediaTypeConfiguration.APPLICATION_JSON,
                tools));
        if (!settings.systemPrompt().isBlank()) {
            emitText(Role.SYSTEM, false, List.of(settings.systemPrompt()));
        }
        if (!settings.speechPrompt().isBlank()) {
            // Nova 2's speech prompt (how to speak) follows the system prompt.
            emitText(Role.SYSTEM_SPEECH, false, List.of(settings.speechPrompt()));
        }
    }

    /**
     * Emits the history blocks (non-interactive USER/ASSISTANT text). The service takes history once,
     * after the system prompt and before any audio or live text.
     */
    synchronized void sendHistory(ShapedHistory history) {
        requireOpen();
        if (historySent || audioContentName != null || liveTextSent) {
            throw new IllegalStateException("history can only be sent once, before any audio or live text");
        }
        historySent = true;
        for (HistoryMessage message : history.messages()) {
            emitText(message.role(), false, message.pieces());
        }
    }

    /** Sends user audio (16-bit LE mono PCM at the input rate), in ~32 ms events; waits behind an open text block. */
    synchronized void sendAudio(byte[] pcm) {
        requireOpen();
        if (openBlock != null) {
            if (waitingAudioBytes + pcm.length > maxWaitingAudioBytes) {
                throw new IllegalStateException("more than " + maxWaitingAudioBytes
                        + " bytes of audio are waiting for an open TEXT block to end");
            }
            byte[] copy = pcm.clone();
            waitingAudioBytes += copy.length;
            waiting.add(() -> {
                waitingAudioBytes -= copy.length;
                emitAudio(copy);
            });
            return;
        }
        emitAudio(pcm);
    }

    /** Sends a whole TEXT block (split into pieces of at most 1 KB); waits behind an open text block. */
    synchronized void sendText(Role role, boolean interactive, String text) {
        requireOpen();
        List<String> pieces = HistoryShaper.splitPieces(text, HistoryShaper.MAX_PIECE_BYTES);
        liveTextSent = true;
        whenNoBlockOpen(() -> emitText(role, interactive, pieces));
    }

    /** Sends the result of a tool call as a TOOL block; waits behind an open text block. */
    synchronized void sendToolResult(String toolUseId, String resultJson) {
        requireOpen();
        whenNoBlockOpen(() -> {
            String contentName = contentNames.get();
            // Ahead of queued audio: a late result makes the model speak a speculative fallback.
            sink.acceptUrgent(List.of(
                    InputEvent.ContentStart.toolResult(promptName, contentName, toolUseId),
                    new InputEvent.ToolResult(promptName, contentName, resultJson),
                    new InputEvent.ContentEnd(promptName, contentName)));
        });
    }

    /**
     * Opens a TEXT block that the caller fills piece by piece; audio and blocks sent meanwhile wait
     * until {@link TextBlock#close()}.
     */
    synchronized TextBlock openTextBlock(Role role, boolean interactive) {
        requireOpen();
        if (openBlock != null) {
            throw new IllegalStateException("a TEXT block is already open");
        }
        TextBlock block = new TextBlock(contentNames.get());
        openBlock = block;
        liveTextSent = true;
        sink.accept(InputEvent.ContentStart.text(promptName, block.contentName, role, interactive));
        return block;
    }

    /**
     * Emits the closing sequence: ends an open text block (then sends what waited), sends the audio
     * remainder, ends the AUDIO block, then promptEnd and sessionEnd. Idempotent; a stream never opened
     * gets no events.
     */
    synchronized void close() {
        if (state != State.OPEN) {
            state = State.CLOSED;
            return;
        }
        if (openBlock != null) {
            openBlock.close();
        }
        byte[] rest = chunker.flush();
        if (rest != null && audioContentName != null) {
            sink.accept(InputEvent.AudioInput.ofPcm(promptName, audioContentName, rest));
        }
        if (audioContentName != null) {
            sink.accept(new InputEvent.ContentEnd(promptName, audioContentName));
            audioContentName = null;
        }
        sink.accept(new InputEvent.PromptEnd(promptName));
        sink.accept(new InputEvent.SessionEnd());
        state = State.CLOSED;
    }

    synchronized boolean isClosed() {
        return state == State.CLOSED;
    }

    private void whenNoBlockOpen(Runnable block) {
        if (openBlock != null) {
            waiting.add(block);
        } else {
            block.run();
        }
    }

    private void emitText(Role role, boolean interactive, List<String> pieces) {
        String contentName = contentNames.get();
        sink.accept(InputEvent.ContentStart.text(promptName, contentName, role, interactive));
        for (String piece : pieces) {
            sink.accept(new InputEvent.TextInput(promptName, contentName, piece));
        }
        sink.accept(new InputEvent.ContentEnd(promptName, contentName));
    }

    private void emitAudio(byte[] pcm) {
        List<byte[]> chunks = chunker.push(pcm);
        if (chunks.isEmpty()) {
            return;
        }
        if (audioContentName == null) {
            audioContentName = contentNames.get();
            sink.accept(InputEvent.ContentStart.audio(promptName, audioContentName, settings.inputSampleRate()));
        }
        for (byte[] chunk : chunks) {
            sink.accept(InputEvent.AudioInput.ofPcm(promptName, audioContentName, chunk));
        }
    }

    private void requireOpen() {
        if (state == State.NEW) {
            throw new IllegalStateException("the stream is not opened yet");
        }
        if (state == State.CLOSED) {
            throw new IllegalStateException("the stream is closed");
        }
    }

    /** A TEXT block being written; {@link #close()} sends its contentEnd and releases what waited. */
    final class TextBlock implements AutoCloseable {

        private final String contentName;
        private boolean closed;

        private TextBlock(String contentName) {
            this.contentName = contentName;
        }

        /** Sends text into the block, split into pieces of at most 1 KB. */
        void append(String text) {
            synchronized (InputSequencer.this) {
                if (closed) {
                    throw new IllegalStateException("the TEXT block is closed");
                }
                for (String piece : HistoryShaper.splitPieces(text, HistoryShaper.MAX_PIECE_BYTES)) {
                    sink.accept(new InputEvent.TextInput(promptName, contentName, piece));
                }
            }
        }

        @Override
        public void close() {
            synchronized (InputSequencer.this) {
                if (closed) {
                    return;
                }
                closed = true;
                sink.accept(new InputEvent.ContentEnd(promptName, contentName));
                openBlock = null;
                while (openBlock == null && !waiting.isEmpty()) {
                    waiting.poll().run();
                }
            }
        }
    }
}
