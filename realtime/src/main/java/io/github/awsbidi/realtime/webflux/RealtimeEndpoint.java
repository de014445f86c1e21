package io.github.awsbidi.realtime.webflux;

import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.realtime.ClientSecrets;
import io.github.awsbidi.realtime.RealtimeListener;
import io.github.awsbidi.realtime.RealtimeSession;
import io.github.awsbidi.realtime.SessionBinding;
import io.github.awsbidi.realtime.protocol.ClientEvents;
import io.github.awsbidi.realtime.protocol.ErrorDetail;
import io.github.awsbidi.realtime.protocol.RealtimeJson;
import io.github.awsbidi.realtime.protocol.RealtimeProtocolException;
import io.github.awsbidi.realtime.protocol.SessionPatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The {@code /v1/realtime} endpoint: map it at a path (e.g. with a {@code SimpleUrlHandlerMapping}). At the handshake
 * it selects the model ({@code ?model=}, else the default; HTTP 404 {@code model_not_found}), reads the key
 * ({@code Authorization: Bearer}, or the {@code openai-insecure-api-key.<key>} subprotocol browsers send beside
 * {@code realtime}), asks the {@link RealtimeAuthenticator} (HTTP 401), checks the origin (403) and the per-key limit
 * (429), each refusal with an OpenAI-style JSON error body. The socket then drives one {@link RealtimeSession}, held to
 * the settings' {@link SocketLimits} (message size, idle timeout, maximum call duration), each ending counted by the
 * {@link Admission}.
 */
public final class RealtimeEndpoint implements WebHandler {

    /** The subprotocol the endpoint speaks (OpenAI's browser clients offer it). */
    public static final String SUBPROTOCOL = "realtime";

    /** The prefix of the subprotocol that carries the key in browsers. */
    public static final String KEY_SUBPROTOCOL_PREFIX = "openai-insecure-api-key.";

    /** The path, below the endpoint's, where client secrets are issued. */
    public static final String CLIENT_SECRETS = "/client_secrets";

    /**
     * The exchange attribute (a {@code String}) that issues a client secret for a subject: an application endpoint
     * that asks for secrets on behalf of its logged-in users (in process, with the application's key) sets it to the
     * user, so that each user's sessions count against the per-identity limit apart from the key's and from other
     * users'. Only code in the server can set an exchange attribute; a client cannot.
     */
    public static final String SECRET_SUBJECT = RealtimeEndpoint.class.getName() + ".secretSubject";

    private final RealtimeModels models;
    private final RealtimeAuthenticator authenticator;
    private final RealtimeEndpointSettings settings;
    private final Admission admission;
    private final Supplier<RealtimeListener> listeners;
    private final WebSocketService sockets;
    private final @Nullable ClientSecrets secrets;
    private final Duration secretTtl;

    /**
     * @param listeners a listener per session (e.g. metrics)
     */
    public RealtimeEndpoint(
            RealtimeModels models,
            RealtimeAuthenticator authenticator,
            RealtimeEndpointSettings settings,
            Admission admission,
            Supplier<RealtimeListener> listeners) {
        this(models, authenticator, settings, admission, listeners, null, Duration.ofMinutes(10));
    }

    /**
     * An endpoint that also issues client secrets at {@code <path>/client_secrets} (map that path to it too) and
     * accepts them in place of keys.
     *
     * @param secrets signs and verifies the secrets; null issues none and accepts none
     * @param secretTtl how long a secret lives when the request does not say ({@code expires_after.seconds})
     */
    public RealtimeEndpoint(
            RealtimeModels models,
            RealtimeAuthenticator authenticator,
            RealtimeEndpointSettings settings,
            Admission admission,
            Supplier<RealtimeListener> listeners,
            @Nullable ClientSecrets secrets,
            Duration secretTtl) {
        this.secrets = secrets;
        this.secretTtl = Objects.requireNonNull(secretTtl, "secretTtl");
        this.models = Objects.requireNonNull(models, "models");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.admission = Objects.requireNonNull(admission, "admission");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.sockets = new SocketLimits(settings.limits(), exchange -> admission, Schedulers.parallel());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        if (exchange.getRequest().getMethod() == HttpMethod.POST
                && exchange.getRequest().getPath().value().endsWith(CLIENT_SECRETS)) {
            return issue(exchange);
        }
        String model = exchange.getRequest().getQueryParams().getFirst("model");
        if (model == null || model.isBlank()) {
            model = settings.defaultModel();
        }
        if (model == null) {
            return refuse(
                    exchange,
                    HttpStatus.BAD_REQUEST,
                    "missing_model",
                    "model",
                    "no model: add ?model=<name> to the URL (no default model is configured)",
                    null);
        }
        NovaSonic novaSonic = models.find(model);
        if (novaSonic == null) {
            return refuse(
                    exchange,
                    HttpStatus.NOT_FOUND,
                    "model_not_found",
                    "model",
                    "The model '" + model + "' does not exist or you do not have access to it.",
                    "not_found");
        }
        if (!sameOrigin(exchange)
                && !admission.originAllowed(exchange.getRequest().getHeaders().getOrigin())) {
            return refuse(
                    exchange,
                    HttpStatus.FORBIDDEN,
                    "origin_not_allowed",
                    null,
                    "connections from origin "
                            + exchange.getRequest().getHeaders().getOrigin() + " are not allowed",
                    null);
        }
        String chosen = model;
        String key = key(exchange.getRequest().getHeaders());
        return identity(key, exchange)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(identity -> {
                    if (identity.isEmpty()) {
                        admission.refused("unauthorized");
                        return refuse(
                                exchange,
                                HttpStatus.UNAUTHORIZED,
                                "invalid_api_key",
                                null,
                                key == null
                                        ? "no key: send Authorization: Bearer <key> or the subprotocol "
                                                + KEY_SUBPROTOCOL_PREFIX + "<key>"
                                        : "the key was refused",
                                null);
                    }
                    Runnable release = admission.admit(identity.get().name());
                    if (release == null) {
                        return refuse(
                                exchange,
                                HttpStatus.TOO_MANY_REQUESTS,
                                "session_limit_reached",
                                null,
                                "this key (or the user its client secret was issued for) already holds "
                                        + settings.maxSessionsPerKey() + " realtime sessions",
                                null);
                    }
                    return sockets.handleRequest(
                                    exchange,
                                    new Socket(new Admitted(
                                            chosen,
                                            novaSonic,
                                            release,
                                            identity.get().binding())))
                            .doOnError(error -> release.run())
                            .doOnCancel(release);
                });
    }

    /**
     * The identity a key or client secret stands for, with the session configuration a secret binds; empty when
     * refused.
     */
    private Mono<Identity> identity(@Nullable String key, ServerWebExchange exchange) {
        if (key != null && key.startsWith(ClientSecrets.PREFIX) && secrets != null) {
            try {
                ClientSecrets.Verified verified = secrets.verify(key);
                return Mono.just(new Identity(verified.identity(), SessionBinding.parse(verified.sessionDigest())));
            } catch (ClientSecrets.ClientSecretException | IllegalArgumentException refused) {
                // Expired, forged, or signed by an instance that binds sessions differently.
                return Mono.empty();
            }
        }
        return authenticator.authenticate(key, exchange).map(name -> new Identity(name, null));
    }

    /** {@code POST <path>/client_secrets}: a short-lived secret for a browser, asked for with a real key. */
    private Mono<Void> issue(ServerWebExchange exchange) {
        ClientSecrets issuer = secrets;
        if (issuer == null) {
            return refuse(exchange, HttpStatus.NOT_FOUND, "not_found", null, "client secrets are not enabled", null);
        }
        String key = key(exchange.getRequest().getHeaders());
        if (key == null || key.startsWith(ClientSecrets.PREFIX)) {
            admission.refused("unauthorized");
            return refuse(
                    exchange,
                    HttpStatus.UNAUTHORIZED,
                    "invalid_api_key",
                    null,
                    "client secrets are issued for a key: send Authorization: Bearer <key>",
                    null);
        }
        Mono<String> body = DataBufferUtils.join(exchange.getRequest().getBody())
                .map(buffer -> {
                    String text = buffer.toString(StandardCharsets.UTF_8);
                    DataBufferUtils.release(buffer);
                    return text;
                })
                .defaultIfEmpty("");
        return authenticator
                .authenticate(key, exchange)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .zipWith(body)
                .flatMap(request -> {
                    if (request.getT1().isEmpty()) {
                        admission.refused("unauthorized");
                        return refuse(
                                exchange,
                                HttpStatus.UNAUTHORIZED,
                                "invalid_api_key",
                                null,
                                "the key was refused",
                                null);
                    }
                    JsonNode json;
                    try {
                        json = request.getT2().isBlank()
                                ? RealtimeJson.MAPPER.createObjectNode()
                                : RealtimeJson.MAPPER.readTree(request.getT2());
                    } catch (JacksonException e) {
                        return refuse(
                                exchange,
                                HttpStatus.BAD_REQUEST,
                                "invalid_json",
                                null,
                                "the body is not valid JSON",
                                null);
                    }
                    Duration ttl = secretTtl;
                    JsonNode seconds = json.path("expires_after").path("seconds");
                    if (!seconds.isMissingNode()) {
                        if (!seconds.isIntegralNumber() || seconds.asLong() < 10 || seconds.asLong() > 7200) {
                            return refuse(
                                    exchange,
                                    HttpStatus.BAD_REQUEST,
                                    "invalid_value",
                                    "expires_after.seconds",
                                    "'expires_after.seconds' must be between 10 and 7200",
                                    null);
                        }
                        ttl = Duration.ofSeconds(seconds.asLong());
                    }
                    JsonNode session = json.path("session").isMissingNode()
                                    || json.path("session").isNull()
                            ? RealtimeJson.MAPPER.createObjectNode()
                            : json.path("session");
                    SessionPatch configuration;
                    try {
                        configuration = ClientEvents.sessionConfiguration(session);
                    } catch (RealtimeProtocolException invalid) {
                        return refuse(
                                exchange,
                                HttpStatus.BAD_REQUEST,
                                invalid.code(),
                                invalid.param(),
                                String.valueOf(invalid.getMessage()),
                                null);
                    }
                    // The secret binds the configuration's instructions, tools and tool_choice (their digests): the
                    // session opened with it runs only with those, which the client sends with session.update.
                    ClientSecrets.Issued issued = issuer.issue(
                            secretIdentity(request.getT1().get(), exchange.getAttribute(SECRET_SUBJECT)),
                            ttl,
                            SessionBinding.of(configuration).digest());
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("value", issued.value());
                    answer.put("expires_at", issued.expiresAt().getEpochSecond());
                    answer.put("session", session);
                    exchange.getResponse().setStatusCode(HttpStatus.OK);
                    exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
                    return exchange.getResponse()
                            .writeWith(Mono.just(exchange.getResponse()
                                    .bufferFactory()
                                    .wrap(RealtimeJson.MAPPER.writeValueAsBytes(answer))));
                });
    }

    /** The identity a secret counts against: the key's, or its subject's when an application names one. */
    private static String secretIdentity(String keyIdentity, @Nullable Object subject) {
        if (subject == null) {
            return keyIdentity;
        }
        // A secret's fields are lines: a line break would forge its other fields.
        return keyIdentity + "/" + subject.toString().replaceAll("[\\r\\n]", "?");
    }

    /** Whether the request comes from a page of this very server (its Origin names the Host it asks). */
    private static boolean sameOrigin(ServerWebExchange exchange) {
        String origin = exchange.getRequest().getHeaders().getOrigin();
        String host = exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST);
        return origin != null && host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    /** The key from {@code Authorization: Bearer} or the key subprotocol; null when neither is there. */
    static @Nullable String key(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        for (String protocols : headers.getOrEmpty("Sec-WebSocket-Protocol")) {
            for (String protocol : protocols.split(",")) {
                String value = protocol.strip();
                if (value.startsWith(KEY_SUBPROTOCOL_PREFIX)) {
                    return value.substring(KEY_SUBPROTOCOL_PREFIX.length());
                }
            }
        }
        return null;
    }

    private static Mono<Void> refuse(
            ServerWebExchange exchange,
            HttpStatus status,
            String code,
            @Nullable String param,
            String message,
            @Nullable String type) {
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
        String errorType = type != null
                ? type
                : status == HttpStatus.UNAUTHORIZED ? "invalid_request_error" : "invalid_request_error";
        byte[] body = RealtimeJson.MAPPER
                .writeValueAsString(Map.of("error", new ErrorDetail(errorType, code, message, param, null)))
                .getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(body);
        return exchange.getResponse().writeWith(Mono.just(buffer));
    }

    private record Identity(String name, @Nullable SessionBinding binding) {}

    private record Admitted(
            String model,
            NovaSonic novaSonic,
            Runnable release,
            @Nullable SessionBinding binding) {}

    /** One socket: client events in, server events out. */
    private final class Socket implements WebSocketHandler {

        private final Admitted admitted;

        Socket(Admitted admitted) {
            this.admitted = admitted;
        }

        @Override
        public List<String> getSubProtocols() {
            return List.of(SUBPROTOCOL);
        }

        @Override
        public Mono<Void> handle(WebSocketSession socket) {
            RealtimeSession session =
                    RealtimeSession.open(admitted.novaSonic(), admitted.model(), listeners.get(), admitted.binding());
            // The socket's limits (SocketLimits) close it when idle, too long or sent too large a message: the
            // receiving side then completes and the session closes as on a client's close.
            Mono<Void> input = socket.receive()
                    .filter(message -> message.getType() == WebSocketMessage.Type.TEXT)
                    .map(WebSocketMessage::getPayloadAsText)
                    .concatMap(session::accept)
                    .then()
                    .onErrorComplete()
                    .then(Mono.defer(session::close));
            Flux<WebSocketMessage> events = session.events().map(socket::textMessage);
            Mono<Void> output = socket.send(events)
                    .then(Mono.defer(() -> socket.close(CloseStatus.NORMAL)))
                    .onErrorComplete();
            return Mono.when(input, output).doFinally(signal -> {
                admitted.release().run();
                session.close().subscribe(null, error -> {});
            });
        }
    }
}
