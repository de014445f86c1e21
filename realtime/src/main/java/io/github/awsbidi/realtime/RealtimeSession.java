package io.github.awsbidi.realtime;

import io.github.awsbidi.novasonic.Conversation;
import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.novasonic.NovaSonicSettings;
import io.github.awsbidi.novasonic.NovaSonicTool;
import io.github.awsbidi.novasonic.audio.MuLaw;
import io.github.awsbidi.novasonic.event.EndpointingSensitivity;
import io.github.awsbidi.novasonic.event.GenerationStage;
import io.github.awsbidi.novasonic.event.Role;
import io.github.awsbidi.novasonic.event.ToolChoice;
import io.github.awsbidi.novasonic.history.Turn;
import io.github.awsbidi.realtime.protocol.AudioFormat;
import io.github.awsbidi.realtime.protocol.ClientEvent;
import io.github.awsbidi.realtime.protocol.ClientEvents;
import io.github.awsbidi.realtime.protocol.EventIds;
import io.github.awsbidi.realtime.protocol.FunctionTool;
import io.github.awsbidi.realtime.protocol.Item;
import io.github.awsbidi.realtime.protocol.RealtimeJson;
import io.github.awsbidi.realtime.protocol.RealtimeProtocolException;
import io.github.awsbidi.realtime.protocol.Response;
import io.github.awsbidi.realtime.protocol.ServerEvent;
import io.github.awsbidi.realtime.protocol.Session;
import io.github.awsbidi.realtime.protocol.SessionPatch;
import io.github.awsbidi.realtime.protocol.TurnDetection;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One OpenAI Realtime session (GA protocol) over one Nova Sonic conversation, with no transport: feed it the client's
 * JSON text events with {@link #accept(String)}, send the JSON text of {@link #events()} back. The conversation starts
 * when first needed (the first audio under turn detection, or the first {@code response.create}), with the
 * session's configuration at that time; a later change of instructions, voice or audio formats moves to a fresh
 * conversation that continues from the transcript so far, a change of tools renews the stream through the
 * conversation's tool-change path. The conversation's own renewals (the 8-minute limit, credentials, recovery) are
 * invisible here: the session goes on.
 *
 * <p>Call {@link #accept(String)} for one client event at a time and subscribe to the returned {@code Mono} before the
 * next (it completes once the audio or text has been handed to the conversation).
 */
public final class RealtimeSession {

    private static final System.Logger LOG = System.getLogger(RealtimeSession.class.getName());

    // Under the lock every emission is serialized; a rare concurrent emission (none expected) retries briefly.
    private static final Sinks.EmitFailureHandler RETRY = Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1));

    /** The most audio a manual-commit buffer holds: what the conversation accepts in one go (20 s at 24 kHz). */
    static final int MAX_BUFFERED_AUDIO_BYTES = 20 * 48_000;

    /** How long response.done waits for the usage report that follows the end of Nova Sonic's turn. */
    static final Duration USAGE_WAIT = Duration.ofMillis(500);

    private final NovaSonic base;
    private final String model;
    private final String sessionId = EventIds.next("sess");
    private final String conversationId = EventIds.next("conv");
    private final RealtimeListener listener;
    private final @Nullable SessionBinding binding;
    private final Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer();
    private final Object lock = new Object();

    // ---- configuration (under the lock) ----
    private String instructions;
    // Whether the client set the instructions (else they are the server's own).
    private boolean instructionsSet;
    private String voice;
    private AudioFormat inputFormat = AudioFormat.PCM;
    private AudioFormat outputFormat = AudioFormat.PCM;
    private @Nullable TurnDetection turnDetection = TurnDetection.SERVER_VAD;
    private List<FunctionTool> tools = List.of();
    private String toolChoice = "auto";
    private boolean textOnly;
    private @Nullable Integer maxOutputTokens;

    // ---- conversation ----
    private @Nullable Mono<Conversation> conversation;
    private @Nullable Conversation started;
    private @Nullable NovaSonicSettings startedSettings;
    private int generation;
    private boolean closed;

    // ---- items and input ----
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, Long> audioMsByItem = new LinkedHashMap<>();
    private @Nullable String lastItemId;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long bufferedSinceTurn;
    private long inputAudioBytes;
    private final List<byte[]> committedAudio = new ArrayList<>();
    private final Deque<String> awaitingTranscript = new ArrayDeque<>();
    private final List<String> pendingTexts = new ArrayList<>();
    private final Deque<String> sentTexts = new ArrayDeque<>();
    private final Map<String, String> pendingToolOutputs = new LinkedHashMap<>();
    private final Map<String, Sinks.One<String>> toolCalls = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> answered = new java.util.HashSet<>();
    private @Nullable String speechItemId;

    // ---- the running response ----
    private @Nullable ResponseState response;
    private boolean discarding;
    private long inputText;
    private long inputAudio;
    private long outputText;
    private long outputAudio;

    private RealtimeSession(NovaSonic base, String model, RealtimeListener listener, @Nullable SessionBinding binding) {
        this.base = base;
        this.model = model;
        this.listener = listener;
        this.binding = binding;
        this.instructions = base.settings().systemPrompt();
        this.voice = base.settings().voiceId();
        listener.opened();
        synchronized (lock) {
            emit(new ServerEvent.SessionEvent("session.created", EventIds.next("event"), session()));
        }
    }

    /**
     * A session over conversations of {@code novaSonic}, whose settings give the defaults (system prompt, voice,
     * server-side tools, renewal, keep-alive); {@code model} is the name clients asked for.
     */
    public static RealtimeSession open(NovaSonic novaSonic, String model, RealtimeListener listener) {
        return open(novaSonic, model, listener, null);
    }

    /**
     * A session opened with a client secret: it runs only with the {@code instructions}, {@code tools} and
     * {@code tool_choice} the secret was issued for. The client sends them with {@code session.update} (the secret
     * holds only their digests); a {@code session.update} setting any of them to another value is refused with an
     * {@code error} naming the field, and so is audio or {@code response.create} before they are as bound.
     *
     * @param binding what the secret binds; null for a session opened with a key, which the client configures freely
     */
    public static RealtimeSession open(
            NovaSonic novaSonic, String model, RealtimeListener listener, @Nullable SessionBinding binding) {
        return new RealtimeSession(
                Objects.requireNonNull(novaSonic, "novaSonic"),
                Objects.requireNonNull(model, "model"),
                Objects.requireNonNull(listener, "listener"),
                binding);
    }

    /** {@link #open(NovaSonic, String, RealtimeListener)} with no listener. */
    public static RealtimeSession open(NovaSonic novaSonic, String model) {
        return open(novaSonic, model, RealtimeListener.NONE);
    }

    /** The session's id ({@code sess_…}). */
    public String id() {
        return sessionId;
    }

    /** The server events' JSON text, starting with {@code session.created}; completes once the session is closed. */
    public Flux<String> events() {
        return out.asFlux();
    }

    /**
     * Handles one client event. A refused event is answered with an {@code error} event and the session goes on.
     * The {@code Mono} completes once whatever the event sends to the conversation has been handed over.
     */
    public Mono<Void> accept(String json) {
        synchronized (lock) {
            if (closed) {
                return Mono.empty();
            }
            try {
                ClientEvent event = ClientEvents.read(json);
                listener.eventIn(typeOf(event));
                return handle(event).onErrorResume(error -> {
                    synchronized (lock) {
                        emit(ServerEvent.error(
                                "server_error", "conversation_error", String.valueOf(error.getMessage()), null, null));
                    }
                    return Mono.empty();
                });
            } catch (RealtimeProtocolException refused) {
                listener.eventIn("invalid");
                emit(refused.toEvent());
                return Mono.empty();
            }
        }
    }

    /** Ends the session: closes the conversation (with its closing sequence) and completes {@link #events()}. */
    public Mono<Void> close() {
        Conversation current;
        synchronized (lock) {
            if (closed) {
                return Mono.empty();
            }
            closed = true;
            generation++;
            current = started;
            failPendingCalls("the session closed");
            listener.closed();
            out.emitComplete(RETRY);
        }
        return current == null ? Mono.empty() : current.close().onErrorComplete();
    }

    // ---------------------------------------------------------------- client events

    private Mono<Void> handle(ClientEvent event) {
        if (event instanceof ClientEvent.SessionUpdate update) {
            return sessionUpdate(update.session(), update.eventId());
        } else if (event instanceof ClientEvent.InputAudioBufferAppend append) {
            return append(append);
        } else if (event instanceof ClientEvent.InputAudioBufferCommit commit) {
            commit(commit.eventId());
        } else if (event instanceof ClientEvent.InputAudioBufferClear) {
            buffer.reset();
            bufferedSinceTurn = 0;
            emit(new ServerEvent.Cleared("input_audio_buffer.cleared", EventIds.next("event")));
        } else if (event instanceof ClientEvent.OutputAudioBufferClear) {
            if (response != null) {
                cancelResponse("client_cancelled");
            }
            emit(new ServerEvent.Cleared("output_audio_buffer.cleared", EventIds.next("event")));
        } else if (event instanceof ClientEvent.ConversationItemCreate create) {
            return itemCreate(create);
        } else if (event instanceof ClientEvent.ConversationItemRetrieve retrieve) {
            emit(new ServerEvent.ItemRetrieved(
                    "conversation.item.retrieved",
                    EventIds.next("event"),
                    item(retrieve.itemId(), retrieve.eventId())));
        } else if (event instanceof ClientEvent.ConversationItemTruncate truncate) {
            truncate(truncate);
        } else if (event instanceof ClientEvent.ConversationItemDelete delete) {
            item(delete.itemId(), delete.eventId());
            items.remove(delete.itemId());
            emit(new ServerEvent.ItemDeleted("conversation.item.deleted", EventIds.next("event"), delete.itemId()));
        } else if (event instanceof ClientEvent.ResponseCreate create) {
            return responseCreate(create);
        } else if (event instanceof ClientEvent.ResponseCancel cancel) {
            if (response != null && response.ending) {
                finish("completed", null);
            }
            ResponseState running = response;
            if (running == null) {
                throw new RealtimeProtocolException(
                        "response_cancel_not_active", null, cancel.eventId(), "there is no active response to cancel");
            }
            if (cancel.responseId() != null && !cancel.responseId().equals(running.id)) {
                throw new RealtimeProtocolException(
                        "invalid_value",
                        "response_id",
                        cancel.eventId(),
                        "'response_id' " + cancel.responseId() + " is not the active response (" + running.id + ")");
            }
            cancelResponse("client_cancelled");
        }
        return Mono.empty();
    }

    private Mono<Void> sessionUpdate(SessionPatch patch, @Nullable String eventId) {
        String refused = binding == null ? null : binding.refusedField(patch);
        if (refused != null) {
            throw new RealtimeProtocolException(
                    "client_secret_mismatch",
                    refused,
                    eventId,
                    "'" + refused + "' differs from the session configuration the client secret was issued for: this"
                            + " session runs only with the instructions, tools and tool_choice it was issued with");
        }
        if (patch.instructions() != null) {
            instructions = patch.instructions();
            instructionsSet = true;
        }
        if (patch.voice() != null) {
            voice = patch.voice();
        }
        if (patch.inputFormat() != null) {
            inputFormat = patch.inputFormat();
        }
        if (patch.outputFormat() != null) {
            outputFormat = patch.outputFormat();
        }
        if (patch.turnDetectionSet()) {
            turnDetection = patch.turnDetection();
        }
        if (patch.tools() != null) {
            tools = List.copyOf(patch.tools());
        }
        if (patch.toolChoice() != null) {
            toolChoice = patch.toolChoice();
        }
        if (patch.textOnly() != null) {
            textOnly = patch.textOnly();
        }
        if (patch.maxOutputTokens() != null) {
            maxOutputTokens = patch.maxOutputTokens();
        }
        NovaSonicSettings wanted = settings();
        emit(new ServerEvent.SessionEvent("session.updated", EventIds.next("event"), session()));
        NovaSonicSettings running = startedSettings;
        Conversation current = started;
        if (running == null || current == null || conversation == null) {
            return Mono.empty();
        }
        if (sameExceptTools(running, wanted)) {
            if (toolNames(running).equals(toolNames(wanted))) {
                return Mono.empty();
            }
            startedSettings = wanted;
            // The conversation's TOOL_CHANGE renewal: the new tools apply from the next turn boundary.
            return current.updateTools(wanted.tools());
        }
        // Instructions, voice or formats are fixed for a stream's life: continue on a fresh conversation.
        restart();
        return Mono.empty();
    }

    private Mono<Void> append(ClientEvent.InputAudioBufferAppend append) {
        if (turnDetection != null) {
            requireBoundConfiguration(append.eventId());
        }
        byte[] pcm = decode(append.audio());
        inputAudioBytes += pcm.length;
        bufferedSinceTurn += pcm.length;
        if (turnDetection == null) {
            if (buffer.size() + pcm.length > MAX_BUFFERED_AUDIO_BYTES * inputFormat.sampleRate() / 24_000) {
                throw new RealtimeProtocolException(
                        "input_audio_buffer_full",
                        "audio",
                        append.eventId(),
                        "the input audio buffer holds at most 20 s of audio: commit it before appending more");
            }
            buffer.writeBytes(pcm);
            return Mono.empty();
        }
        return conversation().flatMap(c -> c.sendAudio(pcm));
    }

    private void commit(@Nullable String eventId) {
        boolean manual = turnDetection == null;
        if (manual ? buffer.size() == 0 : bufferedSinceTurn == 0) {
            throw new RealtimeProtocolException(
                    "input_audio_buffer_commit_empty",
                    null,
                    eventId,
                    "the input audio buffer is empty: nothing to commit");
        }
        if (manual) {
            committedAudio.add(buffer.toByteArray());
            buffer.reset();
        }
        String itemId = speechItemId != null ? speechItemId : EventIds.next("item");
        speechItemId = null;
        commitUserAudio(itemId);
    }

    private void commitUserAudio(String itemId) {
        bufferedSinceTurn = 0;
        emit(new ServerEvent.Committed("input_audio_buffer.committed", EventIds.next("event"), lastItemId, itemId));
        Item item = Item.message(itemId, "completed", "user", List.of(Item.Content.inputAudio(null)));
        addItem(item);
        awaitingTranscript.add(itemId);
    }

    private Mono<Void> itemCreate(ClientEvent.ConversationItemCreate create) {
        if (create.itemId() != null && items.containsKey(create.itemId())) {
            throw new RealtimeProtocolException(
                    "invalid_value", "item.id", create.eventId(), "'item.id' " + create.itemId() + " already exists");
        }
        String id = create.itemId() != null ? create.itemId() : EventIds.next("item");
        if (create.itemType().equals("function_call_output")) {
            String callId = Objects.requireNonNull(create.callId());
            if (!toolCalls.containsKey(callId) || answered.contains(callId) || pendingToolOutputs.containsKey(callId)) {
                throw new RealtimeProtocolException(
                        "invalid_value",
                        "item.call_id",
                        create.eventId(),
                        "'item.call_id' " + callId + " is not a function call waiting for its output");
            }
            addItem(Item.functionCallOutput(id, callId, Objects.requireNonNull(create.output())));
            // As in OpenAI's protocol, the result is acted on at the next response.create.
            pendingToolOutputs.put(callId, create.output());
            return Mono.empty();
        }
        if ("system".equals(create.role()) && binding != null) {
            throw new RealtimeProtocolException(
                    "client_secret_mismatch",
                    "item.role",
                    create.eventId(),
                    "a system message would change the instructions the client secret was issued for");
        }
        String text = Objects.requireNonNull(create.text());
        addItem(Item.message(
                id, "completed", Objects.requireNonNull(create.role()), List.of(Item.Content.inputText(text))));
        if ("system".equals(create.role())) {
            // Nova Sonic takes system text only when a stream starts: it joins the instructions.
            instructions = instructions.isBlank() ? text : instructions + "\n" + text;
            if (started != null) {
                restart();
            }
        } else {
            pendingTexts.add(text);
        }
        return Mono.empty();
    }

    private Mono<Void> responseCreate(ClientEvent.ResponseCreate create) {
        requireBoundConfiguration(create.eventId());
        if (response != null && response.ending) {
            finish("completed", null);
        }
        if (response != null) {
            throw new RealtimeProtocolException(
                    "conversation_already_has_active_response",
                    null,
                    create.eventId(),
                    "conversation already has an active response (" + response.id + "): cancel it or wait for"
                            + " response.done");
        }
        // Not cleared here: a cancelled answer may still be streaming, and must not spill into this response.
        ResponseState created = startResponse();
        Map<String, String> outputs = new LinkedHashMap<>(pendingToolOutputs);
        pendingToolOutputs.clear();
        List<byte[]> audio = List.copyOf(committedAudio);
        committedAudio.clear();
        List<String> texts = List.copyOf(pendingTexts);
        pendingTexts.clear();
        sentTexts.addAll(texts.stream().map(String::strip).toList());
        outputs.forEach((callId, output) -> {
            // The sink stays: a handler subscribing late still gets the value it holds.
            Sinks.One<String> call = toolCalls.get(callId);
            answered.add(callId);
            if (call != null) {
                call.tryEmitValue(output);
            }
        });
        created.expectsAnswer = !outputs.isEmpty() || !audio.isEmpty() || !texts.isEmpty();
        if (audio.isEmpty() && texts.isEmpty()) {
            return outputs.isEmpty() ? conversation().then() : Mono.empty();
        }
        int rate = inputFormat.sampleRate();
        return conversation()
                .flatMap(c -> Flux.fromIterable(audio)
                        // The trailing silence lets Nova Sonic's end-of-speech detection close the committed turn at
                        // once.
                        .concatWith(Mono.fromSupplier(() -> audio.isEmpty() ? new byte[0] : new byte[rate * 2]))
                        .filter(pcm -> pcm.length > 0)
                        .concatMap(c::sendAudio)
                        .thenMany(Flux.fromIterable(texts).concatMap(c::sendText))
                        .then());
    }

    private void truncate(ClientEvent.ConversationItemTruncate truncate) {
        Item item = item(truncate.itemId(), truncate.eventId());
        Long audioMs = audioMsByItem.get(item.id());
        if (!"assistant".equals(item.role()) || audioMs == null) {
            throw new RealtimeProtocolException(
                    "invalid_value",
                    "item_id",
                    truncate.eventId(),
                    "'item_id' " + item.id() + " is not an assistant message with audio");
        }
        if (truncate.audioEndMs() > audioMs) {
            throw new RealtimeProtocolException(
                    "invalid_value",
                    "audio_end_ms",
                    truncate.eventId(),
                    "'audio_end_ms' " + truncate.audioEndMs() + " is past the item's audio (" + audioMs + " ms)");
        }
        audioMsByItem.put(item.id(), truncate.audioEndMs());
        // As OpenAI does, truncating drops the item's transcript: what was heard is no longer what was written.
        items.put(
                item.id(), Item.message(item.id(), item.status(), "assistant", List.of(Item.Content.outputAudio(""))));
        emit(new ServerEvent.ItemTruncated(
                "conversation.item.truncated",
                EventIds.next("event"),
                item.id(),
                truncate.contentIndex(),
                truncate.audioEndMs()));
    }

    /** A session opened with a client secret talks to the model only once it runs the configuration it binds. */
    private void requireBoundConfiguration(@Nullable String eventId) {
        String unmet =
                binding == null ? null : binding.unmetField(instructionsSet ? instructions : null, tools, toolChoice);
        if (unmet != null) {
            throw new RealtimeProtocolException(
                    "client_secret_mismatch",
                    unmet,
                    eventId,
                    "'" + unmet + "' is not yet the one the client secret was issued for: send the issued session"
                            + " configuration with session.update first");
        }
    }

    private Item item(String itemId, @Nullable String eventId) {
        Item item = items.get(itemId);
        if (item == null) {
            throw new RealtimeProtocolException(
                    "item_not_found", "item_id", eventId, "'item_id' " + itemId + " is not in the conversation");
        }
        return item;
    }

    private void addItem(Item item) {
        String previous = lastItemId;
        items.put(item.id(), item);
        lastItemId = item.id();
        emit(new ServerEvent.ItemEvent("conversation.item.added", EventIds.next("event"), previous, item));
        if (!"in_progress".equals(item.status())) {
            emit(new ServerEvent.ItemEvent("conversation.item.done", EventIds.next("event"), previous, item));
        }
    }

    // ---------------------------------------------------------------- the conversation

    private Mono<Conversation> conversation() {
        Mono<Conversation> current = conversation;
        if (current != null) {
            return current;
        }
        int gen = generation;
        NovaSonicSettings settings = settings();
        startedSettings = settings;
        Mono<Conversation> starting = base.withSettings(settings)
                .start()
                .doOnNext(c -> {
                    synchronized (lock) {
                        if (gen != generation) {
                            c.close().subscribe(null, error -> {});
                            return;
                        }
                        started = c;
                    }
                    c.events()
                            .subscribe(
                                    event -> onEvent(gen, event),
                                    error -> onEvent(gen, new ConversationEvent.Closed("failed", error)));
                })
                .doOnError(error -> {
                    synchronized (lock) {
                        if (gen == generation) {
                            conversation = null;
                            startedSettings = null;
                        }
                    }
                })
                .cache();
        conversation = starting;
        return starting;
    }

    /** Moves to a fresh conversation continuing from the transcript so far (started when next needed). */
    private void restart() {
        Conversation old = started;
        generation++;
        conversation = null;
        started = null;
        startedSettings = null;
        failPendingCalls("the session moved to a new conversation");
        if (response != null) {
            finish("incomplete", "session_updated");
        }
        if (old != null) {
            old.close().subscribe(null, error -> {});
        }
    }

    private NovaSonicSettings settings() {
        NovaSonicSettings defaults = base.settings();
        Set<String> clientToolNames = toolChoice.equals("none")
                ? Set.of()
                : tools.stream().map(FunctionTool::name).collect(Collectors.toSet());
        List<NovaSonicTool> all = new ArrayList<>();
        for (NovaSonicTool tool : defaults.tools()) {
            if (!clientToolNames.contains(tool.name())) {
                all.add(tool);
            }
        }
        if (!toolChoice.equals("none")) {
            for (FunctionTool tool : tools) {
                all.add(new NovaSonicTool(
                        tool.name(),
                        tool.description(),
                        RealtimeJson.MAPPER.writeValueAsString(tool.parameters()),
                        call -> toolCalls
                                .computeIfAbsent(call.toolUseId(), id -> Sinks.one())
                                .asMono()));
            }
        }
        NovaSonicSettings.Builder builder = defaults.toBuilder()
                .systemPrompt(instructions)
                .voiceId(Voices.novaVoice(voice))
                .inputSampleRate(inputFormat.sampleRate())
                .outputSampleRate(outputFormat.sampleRate())
                .endpointingSensitivity(sensitivity())
                .tools(all)
                .history(history());
        if (maxOutputTokens != null) {
            builder.maxTokens(maxOutputTokens);
        }
        if (toolChoice.equals("required")) {
            builder.toolChoice(ToolChoice.any());
        } else if (toolChoice.startsWith("function:")) {
            builder.toolChoice(ToolChoice.tool(toolChoice.substring("function:".length())));
        } else if (toolChoice.equals("auto")) {
            builder.toolChoice(all.isEmpty() ? null : defaults.toolChoice());
        }
        try {
            return builder.build();
        } catch (RuntimeException invalid) {
            throw new RealtimeProtocolException(
                    "invalid_value",
                    "session",
                    null,
                    invalid.getMessage() == null ? invalid.toString() : invalid.getMessage());
        }
    }

    /**
     * {@code server_vad}'s {@code silence_duration_ms} to Nova Sonic's endpointing: up to 350 ms HIGH (ends turns
     * soonest), up to 700 ms MEDIUM, longer LOW; {@code semantic_vad}'s eagerness high, medium/auto, low likewise.
     */
    EndpointingSensitivity sensitivity() {
        TurnDetection detection = turnDetection;
        if (detection == null) {
            return base.settings().endpointingSensitivity();
        }
        if (detection.type().equals("semantic_vad")) {
            String eagerness = detection.eagerness() == null ? "auto" : detection.eagerness();
            return switch (eagerness) {
                case "high" -> EndpointingSensitivity.HIGH;
                case "low" -> EndpointingSensitivity.LOW;
                default -> EndpointingSensitivity.MEDIUM;
            };
        }
        int silence = detection.silenceDurationMs() == null ? 500 : detection.silenceDurationMs();
        return silence <= 350
                ? EndpointingSensitivity.HIGH
                : silence <= 700 ? EndpointingSensitivity.MEDIUM : EndpointingSensitivity.LOW;
    }

    private List<Turn> history() {
        List<Turn> turns = new ArrayList<>(base.settings().history());
        for (Item item : items.values()) {
            if (!"message".equals(item.type()) || item.content() == null) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (Item.Content part : item.content()) {
                String value = part.text() != null ? part.text() : part.transcript();
                if (value != null && !value.isBlank()) {
                    text.append(text.length() > 0 ? " " : "").append(value);
                }
            }
            if (text.length() == 0) {
                continue;
            }
            if ("user".equals(item.role())) {
                turns.add(Turn.user(text.toString()));
            } else if ("assistant".equals(item.role())) {
                turns.add(Turn.assistant(text.toString()));
            }
        }
        return turns;
    }

    private static boolean sameExceptTools(NovaSonicSettings a, NovaSonicSettings b) {
        return a.systemPrompt().equals(b.systemPrompt())
                && a.voiceId().equals(b.voiceId())
                && a.inputSampleRate() == b.inputSampleRate()
                && a.outputSampleRate() == b.outputSampleRate()
                && a.maxTokens() == b.maxTokens()
                && a.endpointingSensitivity() == b.endpointingSensitivity()
                && Objects.equals(a.toolChoice(), b.toolChoice());
    }

    private static List<String> toolNames(NovaSonicSettings settings) {
        return settings.tools().stream()
                .map(tool -> tool.name() + "\u0000" + tool.description() + "\u0000" + tool.inputSchema())
                .toList();
    }

    // ---------------------------------------------------------------- conversation events

    private void onEvent(int gen, ConversationEvent event) {
        synchronized (lock) {
            if (gen != generation || closed) {
                return;
            }
            ResponseState ending = response;
            if (ending != null
                    && ending.ending
                    && !(event instanceof ConversationEvent.Usage)
                    && !(event instanceof ConversationEvent.Transcript t
                            && t.role() == Role.ASSISTANT
                            && t.stage() == GenerationStage.FINAL)) {
                finish("completed", null);
            }
            if (event instanceof ConversationEvent.Transcript transcript) {
                if (transcript.role() == Role.USER && transcript.stage() == GenerationStage.FINAL) {
                    userTranscript(transcript.text());
                } else if (transcript.role() == Role.ASSISTANT && transcript.stage() == GenerationStage.SPECULATIVE) {
                    assistantText(transcript.text());
                }
            } else if (event instanceof ConversationEvent.AudioOut audio) {
                assistantAudio(audio.pcm());
            } else if (event instanceof ConversationEvent.ToolCall call) {
                toolCall(call);
            } else if (event instanceof ConversationEvent.Interrupted) {
                bargeIn();
            } else if (event instanceof ConversationEvent.TurnEnd) {
                if (discarding) {
                    discarding = false;
                } else if (response != null) {
                    endingSoon(response);
                }
            } else if (event instanceof ConversationEvent.Usage usage) {
                inputText += usage.delta().input().textTokens();
                inputAudio += usage.delta().input().speechTokens();
                outputText += usage.delta().output().textTokens();
                outputAudio += usage.delta().output().speechTokens();
                if (response != null && response.ending) {
                    finish("completed", null);
                }
            } else if (event instanceof ConversationEvent.UserSpeechStarted) {
                speechStarted();
            } else if (event instanceof ConversationEvent.UserSpeechEnded) {
                speechStopped();
            } else if (event instanceof ConversationEvent.Renewed renewed) {
                LOG.log(System.Logger.Level.DEBUG, "{0}: conversation renewed: {1}", sessionId, renewed.reason());
                // A response in progress stays open: the conversation carries the turn over to the new stream, whose
                // answer continues it.
            } else if (event instanceof ConversationEvent.Closed end) {
                conversationClosed(end);
            }
        }
    }

    /**
     * The turn is over, but Nova Sonic reports its usage just after: response.done waits for that report, for the next
     * event of another kind, or {@link #USAGE_WAIT} at most.
     */
    private void endingSoon(ResponseState r) {
        r.ending = true;
        int gen = generation;
        Mono.delay(USAGE_WAIT).subscribe(tick -> {
            synchronized (lock) {
                if (gen == generation && !closed && response == r) {
                    finish("completed", null);
                }
            }
        });
    }

    private void userTranscript(String text) {
        String echo = sentTexts.peek();
        if (echo != null && echo.equals(text.strip())) {
            // The service's transcript of a text turn the client added itself.
            sentTexts.poll();
            return;
        }
        discarding = false;
        if (awaitingTranscript.isEmpty()) {
            // Turn detection without the service's speech markers: the transcript is the sign of a finished turn.
            speechStarted();
            speechStopped();
        }
        String itemId = awaitingTranscript.poll();
        if (itemId == null) {
            // Manual commits with no committed item: audio heard outside any commit, not the client's business.
            return;
        }
        Item item = items.get(itemId);
        if (item != null) {
            items.put(itemId, Item.message(itemId, item.status(), "user", List.of(Item.Content.inputAudio(text))));
        }
        double seconds = inputAudioBytes / 2.0 / inputFormat.sampleRate();
        emit(new ServerEvent.TranscriptionCompleted(
                "conversation.item.input_audio_transcription.completed",
                EventIds.next("event"),
                itemId,
                0,
                text,
                new ServerEvent.TranscriptionUsage("duration", Math.round(seconds * 1000) / 1000.0)));
    }

    private void speechStarted() {
        if (turnDetection == null || speechItemId != null) {
            return;
        }
        speechItemId = EventIds.next("item");
        emit(new ServerEvent.SpeechStarted(
                "input_audio_buffer.speech_started", EventIds.next("event"), inputAudioMs(), speechItemId));
    }

    private void speechStopped() {
        String itemId = speechItemId;
        if (itemId == null) {
            return;
        }
        speechItemId = null;
        emit(new ServerEvent.SpeechStopped(
                "input_audio_buffer.speech_stopped", EventIds.next("event"), inputAudioMs(), itemId));
        commitUserAudio(itemId);
    }

    private long inputAudioMs() {
        return inputAudioBytes * 1000 / 2 / inputFormat.sampleRate();
    }

    private void bargeIn() {
        speechStarted();
        if (response != null) {
            finish("cancelled", "turn_detected");
        }
        discarding = false;
    }

    private void assistantText(String text) {
        if (discarding || text.isBlank()) {
            return;
        }
        ResponseState r = ensureResponse();
        MessageState message = ensureMessage(r);
        String delta = message.transcript.length() > 0 ? " " + text : text;
        message.transcript.append(delta);
        emit(new ServerEvent.OutputDelta(
                textOnly ? "response.output_text.delta" : "response.output_audio_transcript.delta",
                EventIds.next("event"),
                r.id,
                message.itemId,
                message.outputIndex,
                0,
                delta));
    }

    private void assistantAudio(byte[] pcm) {
        if (discarding || textOnly) {
            return;
        }
        ResponseState r = ensureResponse();
        MessageState message = ensureMessage(r);
        message.audioBytes += pcm.length;
        emit(new ServerEvent.OutputDelta(
                "response.output_audio.delta",
                EventIds.next("event"),
                r.id,
                message.itemId,
                message.outputIndex,
                0,
                Base64.getEncoder().encodeToString(encode(pcm))));
    }

    private void toolCall(ConversationEvent.ToolCall call) {
        boolean clientTool = tools.stream().anyMatch(tool -> tool.name().equals(call.name()));
        if (!clientTool) {
            // A server-side tool (a NovaSonicTool bean): its handler answers, the client never sees it.
            return;
        }
        Sinks.One<String> result = toolCalls.computeIfAbsent(call.toolUseId(), id -> Sinks.one());
        if (discarding) {
            answered.add(call.toolUseId());
            result.tryEmitError(new IllegalStateException("the response was cancelled"));
            return;
        }
        ResponseState r = ensureResponse();
        closeMessage(r, "completed");
        String arguments = RealtimeJson.MAPPER.writeValueAsString(call.arguments());
        String itemId = EventIds.next("item");
        int index = r.output.size();
        String callId = call.toolUseId();
        Item running = Item.functionCall(itemId, "in_progress", callId, call.name(), "");
        emit(new ServerEvent.OutputItem("response.output_item.added", EventIds.next("event"), r.id, index, running));
        String previous = lastItemId;
        items.put(itemId, running);
        lastItemId = itemId;
        emit(new ServerEvent.ItemEvent("conversation.item.added", EventIds.next("event"), previous, running));
        emit(new ServerEvent.ArgumentsDelta(
                "response.function_call_arguments.delta",
                EventIds.next("event"),
                r.id,
                itemId,
                index,
                callId,
                arguments));
        emit(new ServerEvent.ArgumentsDone(
                "response.function_call_arguments.done",
                EventIds.next("event"),
                r.id,
                itemId,
                index,
                callId,
                call.name(),
                arguments));
        Item done = Item.functionCall(itemId, "completed", callId, call.name(), arguments);
        items.put(itemId, done);
        r.output.add(done);
        emit(new ServerEvent.OutputItem("response.output_item.done", EventIds.next("event"), r.id, index, done));
        emit(new ServerEvent.ItemEvent("conversation.item.done", EventIds.next("event"), previous, done));
        finish("completed", null);
    }

    private void conversationClosed(ConversationEvent.Closed end) {
        Throwable error = end.error();
        if (response != null) {
            finish(error == null ? "incomplete" : "failed", error == null ? "conversation_closed" : null);
        }
        if (error != null) {
            emit(ServerEvent.error(
                    "server_error",
                    "conversation_failed",
                    "the Nova Sonic conversation ended: " + end.reason() + ": " + error.getMessage(),
                    null,
                    null));
        }
        closed = true;
        listener.closed();
        failPendingCalls("the conversation ended");
        out.emitComplete(RETRY);
    }

    private void failPendingCalls(String why) {
        toolCalls.values().forEach(call -> call.tryEmitError(new IllegalStateException(why)));
        toolCalls.clear();
        pendingToolOutputs.clear();
    }

    // ---------------------------------------------------------------- responses

    private ResponseState ensureResponse() {
        ResponseState r = response;
        return r != null ? r : startResponse();
    }

    private ResponseState startResponse() {
        ResponseState r = new ResponseState(EventIds.next("resp"));
        response = r;
        emit(new ServerEvent.ResponseEvent(
                "response.created", EventIds.next("event"), snapshot(r, "in_progress", null)));
        return r;
    }

    private MessageState ensureMessage(ResponseState r) {
        MessageState message = r.message;
        if (message != null) {
            return message;
        }
        message = new MessageState(EventIds.next("item"), r.output.size());
        r.message = message;
        Item item = Item.message(message.itemId, "in_progress", "assistant", List.of());
        emit(new ServerEvent.OutputItem(
                "response.output_item.added", EventIds.next("event"), r.id, message.outputIndex, item));
        String previous = lastItemId;
        items.put(item.id(), item);
        lastItemId = item.id();
        emit(new ServerEvent.ItemEvent("conversation.item.added", EventIds.next("event"), previous, item));
        message.previousItemId = previous;
        emit(new ServerEvent.ContentPart(
                "response.content_part.added",
                EventIds.next("event"),
                r.id,
                message.itemId,
                message.outputIndex,
                0,
                textOnly ? new ServerEvent.Part("text", null, "") : new ServerEvent.Part("audio", "", null)));
        return message;
    }

    private void closeMessage(ResponseState r, String status) {
        MessageState message = r.message;
        if (message == null) {
            return;
        }
        r.message = null;
        String transcript = message.transcript.toString();
        Item.Content content;
        ServerEvent.Part part;
        if (textOnly) {
            emit(new ServerEvent.TextDone(
                    "response.output_text.done",
                    EventIds.next("event"),
                    r.id,
                    message.itemId,
                    message.outputIndex,
                    0,
                    transcript));
            content = Item.Content.outputText(transcript);
            part = new ServerEvent.Part("text", null, transcript);
        } else {
            emit(new ServerEvent.OutputAudioDone(
                    "response.output_audio.done",
                    EventIds.next("event"),
                    r.id,
                    message.itemId,
                    message.outputIndex,
                    0));
            emit(new ServerEvent.TranscriptDone(
                    "response.output_audio_transcript.done",
                    EventIds.next("event"),
                    r.id,
                    message.itemId,
                    message.outputIndex,
                    0,
                    transcript));
            content = Item.Content.outputAudio(transcript);
            part = new ServerEvent.Part("audio", transcript, null);
            audioMsByItem.put(message.itemId, message.audioBytes * 1000 / 2 / outputFormat.sampleRate());
        }
        emit(new ServerEvent.ContentPart(
                "response.content_part.done",
                EventIds.next("event"),
                r.id,
                message.itemId,
                message.outputIndex,
                0,
                part));
        Item item = Item.message(message.itemId, status, "assistant", List.of(content));
        if (items.containsKey(message.itemId)) {
            items.put(message.itemId, item);
        }
        r.output.add(item);
        emit(new ServerEvent.OutputItem(
                "response.output_item.done", EventIds.next("event"), r.id, message.outputIndex, item));
        emit(new ServerEvent.ItemEvent("conversation.item.done", EventIds.next("event"), message.previousItemId, item));
    }

    private void cancelResponse(String reason) {
        ResponseState r = response;
        boolean answering = r != null && (r.expectsAnswer || r.message != null || !r.output.isEmpty());
        finish("cancelled", reason);
        // The model may still be answering: the rest of its turn is dropped, not played.
        discarding = discarding || answering;
    }

    private void finish(String status, @Nullable String reason) {
        ResponseState r = response;
        if (r == null) {
            return;
        }
        closeMessage(r, status.equals("completed") ? "completed" : "incomplete");
        response = null;
        emit(new ServerEvent.ResponseEvent(
                "response.done",
                EventIds.next("event"),
                snapshot(
                        r,
                        status,
                        status.equals("completed") ? null : new Response.StatusDetails(status, reason, null))));
        inputText = 0;
        inputAudio = 0;
        outputText = 0;
        outputAudio = 0;
    }

    private Response snapshot(ResponseState r, String status, Response.@Nullable StatusDetails details) {
        boolean done = !status.equals("in_progress");
        return new Response(
                r.id,
                "realtime.response",
                status,
                details,
                List.copyOf(r.output),
                conversationId,
                List.of(textOnly ? "text" : "audio"),
                maxOutputTokens == null ? "inf" : maxOutputTokens,
                new Response.ResponseAudio(new Response.ResponseAudio.Output(outputFormat, voice)),
                done ? Response.Usage.of(inputText, inputAudio, outputText, outputAudio) : null,
                null);
    }

    private Session session() {
        return new Session(
                "realtime",
                "realtime.session",
                sessionId,
                model,
                List.of(textOnly ? "text" : "audio"),
                instructions,
                new Session.Audio(
                        new Session.Input(
                                inputFormat,
                                turnDetection == null ? null : Session.TurnDetectionJson.of(turnDetection),
                                null,
                                null),
                        new Session.Output(outputFormat, voice, 1.0)),
                tools,
                toolChoice.startsWith("function:")
                        ? Map.of("type", "function", "name", toolChoice.substring("function:".length()))
                        : toolChoice,
                maxOutputTokens == null ? "inf" : maxOutputTokens,
                null);
    }

    // ---------------------------------------------------------------- audio and output

    private byte[] decode(byte[] audio) {
        if (inputFormat.muLaw()) {
            return MuLaw.decode(audio);
        }
        if (inputFormat.aLaw()) {
            return ALaw.decode(audio);
        }
        return audio.length % 2 == 0 ? audio : java.util.Arrays.copyOf(audio, audio.length - 1);
    }

    private byte[] encode(byte[] pcm) {
        if (outputFormat.muLaw()) {
            return MuLaw.encode(pcm);
        }
        if (outputFormat.aLaw()) {
            return ALaw.encode(pcm);
        }
        return pcm;
    }

    private void emit(ServerEvent event) {
        listener.eventOut(event.type());
        if (event instanceof ServerEvent.Error error) {
            listener.error(String.valueOf(error.error().code()));
        }
        out.emitNext(RealtimeJson.write(event), RETRY);
    }

    private static String typeOf(ClientEvent event) {
        return switch (event.getClass().getSimpleName()) {
            case "SessionUpdate" -> "session.update";
            case "InputAudioBufferAppend" -> "input_audio_buffer.append";
            case "InputAudioBufferCommit" -> "input_audio_buffer.commit";
            case "InputAudioBufferClear" -> "input_audio_buffer.clear";
            case "OutputAudioBufferClear" -> "output_audio_buffer.clear";
            case "ConversationItemCreate" -> "conversation.item.create";
            case "ConversationItemRetrieve" -> "conversation.item.retrieve";
            case "ConversationItemTruncate" -> "conversation.item.truncate";
            case "ConversationItemDelete" -> "conversation.item.delete";
            case "ResponseCreate" -> "response.create";
            default -> "response.cancel";
        };
    }

    /** The running response. */
    private static final class ResponseState {
        final String id;
        final List<Item> output = new ArrayList<>();

        @Nullable
        MessageState message;

        boolean ending;
        // Whether the model is answering (or was asked to): output may still come after a cancel.
        boolean expectsAnswer = true;

        ResponseState(String id) {
            this.id = id;
        }
    }

    /** The assistant message a response is speaking. */
    private static final class MessageState {
        final String itemId;
        final int outputIndex;
        final StringBuilder transcript = new StringBuilder();
        long audioBytes;

        @Nullable
        String previousItemId;

        MessageState(String itemId, int outputIndex) {
            this.itemId = itemId;
            this.outputIndex = outputIndex;
        }
    }
}
