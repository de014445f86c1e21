package io.github.awsbidi.novasonic;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Target;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Starts Nova Sonic conversations over a Bedrock {@link BidirectionalSession} (model
 * {@code amazon.nova-2-5-sonic} or {@code amazon.nova-2-sonic-v1:0}; model ids are open strings) with fixed
 * {@link NovaSonicSettings}. Thread-safe; one per session
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
    private final @Nullable IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final ConversationListener listener;
    // Shared with the clients made by the with* methods, so closeConversations reaches every conversation of the
    // session.
    private final Set<StreamingConversation> live;

    private NovaSonic(
            BidirectionalSession session,
            NovaSonicSettings settings,
            Scheduler scheduler,
            @Nullable IdentityProvider<? extends AwsCredentialsIdentity> credentials,
            ConversationListener listener,
            Set<StreamingConversation> live) {
        this.session = session;
        this.settings = settings;
        this.scheduler = scheduler;
        this.credentials = credentials;
        this.listener = listener;
        this.live = live;
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
            throw new IllegalArgumentException(
                    "Nova Sonic needs a Bedrock session; '" + session.name() + "' targets " + session.target());
        }
        return new NovaSonic(
                session,
                settings,
                Schedulers.parallel(),
                null,
                ConversationListener.NONE,
                ConcurrentHashMap.newKeySet());
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
        return new NovaSonic(
                session, Objects.requireNonNull(newSettings, "settings"), scheduler, credentials, listener, live);
    }

    /**
     * The same client, renewing each stream {@code renewal.credentialsLead} before the credentials expire. Pass
     * the provider the session's SDK client signs with; only temporary credentials (with an expiration time,
     * e.g. {@code AwsSessionCredentials}) cause renewals, and the provider must refresh them before that lead.
     */
    public NovaSonic withCredentials(IdentityProvider<? extends AwsCredentialsIdentity> provider) {
        return new NovaSonic(
                session, settings, scheduler, Objects.requireNonNull(provider, "provider"), listener, live);
    }

    /** The same client, reporting to {@code newListener} (e.g. the Micrometer meters in the micrometer package). */
    public NovaSonic withListener(ConversationListener newListener) {
        return new NovaSonic(
                session, settings, scheduler, credentials, Objects.requireNonNull(newListener, "listener"), live);
    }

    /**
     * Opens a stream and starts a conversation on it (opening sequence with system prompt and
     * history sent); emits it once the stream is established. Each subscription starts another one.
     */
    public Mono<Conversation> start() {
        return Mono.defer(() -> session.open().map(exchange -> {
            StreamingConversation conversation =
                    new StreamingConversation(session, settings, scheduler, credentials, listener);
            conversation.begin(exchange);
            live.add(conversation);
            conversation
                    .whenClosed()
                    .subscribe(null, error -> live.remove(conversation), () -> live.remove(conversation));
            return conversation;
        }));
    }

    /**
     * Closes every conversation started by this client (or one made by its {@code with} methods) and not yet closed,
     * each with its full closing sequence ({@link Conversation#close()}), e.g. when the application shuts down.
     * Completes once all of them are closed.
     */
    public Mono<Void> closeConversations() {
        return Flux.fromIterable(List.copyOf(live)).flatMap(Conversation::close).then();
    }

    /** How many conversations started by this client are not yet closed. */
    public int openConversations() {
        return live.size();
    }
}
