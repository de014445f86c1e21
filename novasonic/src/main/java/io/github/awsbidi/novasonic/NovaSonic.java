package io.github.awsbidi.novasonic;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Target;
import java.util.Objects;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Starts Nova Sonic conversations over a Bedrock {@link BidirectionalSession} (model
 * {@code amazon.nova-2-sonic-v1:0}) with fixed {@link NovaSonicSettings}. Thread-safe; one per session
 * and settings, shared by every caller.
 *
 * <pre>{@code
 * NovaSonic sonic = NovaSonic.create(session, NovaSonicSettings.builder()
 *         .systemPrompt("You are a helpful voice assistant.")
 *         .tool("getWeather", "Weather for a city", schema,
 *                 ToolHandler.blocking(call -> weather.lookup((String) call.arguments().get("city"))))
 *         .build());
 * sonic.start().flatMapMany(conversation -> {
 *     microphone.concatMap(conversation::sendAudio).subscribe();
 *     return conversation.events();
 * }).subscribe(event -> ...);
 * }</pre>
 */
public final class NovaSonic {

    private final BidirectionalSession session;
    private final NovaSonicSettings settings;
    private final Scheduler scheduler;

    private NovaSonic(BidirectionalSession session, NovaSonicSettings settings, Scheduler scheduler) {
        this.session = session;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    /**
     * Conversations over {@code session} with {@code settings}.
     *
     * @throws IllegalArgumentException if the session is not a Bedrock session
     */
    public static NovaSonic create(BidirectionalSession session, NovaSonicSettings settings) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(settings, "settings");
        if (session.target().service() != Target.Service.BEDROCK) {
            throw new IllegalArgumentException("Nova Sonic needs a Bedrock session; '" + session.name()
                    + "' targets " + session.target());
        }
        return new NovaSonic(session, settings, Schedulers.parallel());
    }

    /** Conversations over {@code session} with the default settings. */
    public static NovaSonic create(BidirectionalSession session) {
        return create(session, NovaSonicSettings.defaults());
    }

    /** The session conversations run on. */
    public BidirectionalSession session() {
        return session;
    }

    /** The settings every conversation starts with. */
    public NovaSonicSettings settings() {
        return settings;
    }

    /** Another client on the same session with other settings. */
    public NovaSonic withSettings(NovaSonicSettings newSettings) {
        return new NovaSonic(session, Objects.requireNonNull(newSettings, "settings"), scheduler);
    }

    /**
     * Opens a stream and starts a conversation on it (opening sequence with system prompt and
     * history sent); emits it once the stream is established. Each subscription starts another one.
     */
    public Mono<Conversation> start() {
        return Mono.defer(() -> session.open().map(exchange -> {
            StreamingConversation conversation = new StreamingConversation(session, settings, scheduler);
            conversation.begin(exchange);
            return conversation;
        }));
    }
}
