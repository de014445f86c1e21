package io.github.awsbidi.sample.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.sample.SocketPlaces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/**
 * The sample on loopback with a user configured, reached as through a proxy or tunnel ({@code X-Forwarded-For} or
 * {@code Forwarded}): everything but the façade, the phone webhooks and the health probes and info asks for
 * credentials; the local user is still let in without; conversations count per logged-in user.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.security.user.name=" + ExposedSampleTests.USER,
            "spring.security.user.password=" + ExposedSampleTests.PASSWORD,
            "sample.web.max-conversations-per-client=2"
        })
class ExposedSampleTests {

    static final String USER = "operator";
    static final String PASSWORD = "test-operator-password";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Consumer<HttpHeaders> TUNNEL = headers -> headers.set("X-Forwarded-For", "198.51.100.7");

    private static final Consumer<HttpHeaders> LOGGED_IN_THROUGH_TUNNEL = headers -> {
        headers.set("X-Forwarded-For", "198.51.100.7");
        headers.setBasicAuth(USER, PASSWORD);
    };

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationContext context;

    /**
     * The tests share one application, and a socket's place is given back only when the server has closed its
     * connection, a moment after the client let go: the logged-in user's places are all back before the next test.
     */
    @AfterEach
    void theUsersSocketPlacesAreBack() {
        await().atMost(TIMEOUT).until(() -> SocketPlaces.open(context, "/ws/echo", "user " + USER) == 0);
    }

    @Test
    void throughAProxyAnAnonymousCallerIsAskedToLogIn() {
        for (String path : List.of("/", "/sessions", "/console.html", "/actuator/metrics")) {
            http().get()
                    .uri(path)
                    .headers(TUNNEL)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic .*")
                    .expectBody()
                    .isEmpty();
        }
        http().get()
                .uri("/sessions")
                .header("Forwarded", "for=198.51.100.7;proto=https")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .isEmpty();
        http().post()
                .uri("/sessions/echo/exchange")
                .headers(TUNNEL)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of("paid"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .isEmpty();
        // The voice page's ek_ secret is the logged-in user's only.
        http().post()
                .uri("/voice/secret")
                .headers(TUNNEL)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        // The sockets too, before any conversation starts.
        for (String path : List.of("/ws/echo", "/transcriber/ws", "/speaker/ws")) {
            assertThat(upgrade(path, TUNNEL)).as(path).isEqualTo(401);
        }
        // DNS rebinding: a foreign page whose name now points at 127.0.0.1 is not the local user.
        http().get()
                .uri("/sessions")
                .header("Host", "evil.example:" + port)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .isEmpty();
        // Wrong credentials are no better.
        http().get()
                .uri("/sessions")
                .headers(TUNNEL)
                .headers(headers -> headers.setBasicAuth(USER, "wrong"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .isEmpty();
    }

    @Test
    void throughAProxyTheLoggedInUserIsServed() {
        http().get()
                .uri("/sessions")
                .headers(LOGGED_IN_THROUGH_TUNNEL)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].name")
                .isNotEmpty();
        // The voice page's short-lived façade secret, never the real key.
        http().post()
                .uri("/voice/secret")
                .headers(LOGGED_IN_THROUGH_TUNNEL)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.value")
                .value(value -> assertThat(String.valueOf(value)).startsWith("ek_"));
        List<String> received = new CopyOnWriteArrayList<>();
        HttpHeaders headers = new HttpHeaders();
        LOGGED_IN_THROUGH_TUNNEL.accept(headers);
        new ReactorNettyWebSocketClient()
                .execute(
                        ws("/ws/echo"),
                        headers,
                        session -> session.send(Flux.just(session.textMessage("hello")))
                                .thenMany(session.receive().take(1).map(message -> message.getPayloadAsText()))
                                .doOnNext(received::add)
                                .then(session.close()))
                .block(TIMEOUT);
        assertThat(received).containsExactly("hello");
    }

    @Test
    void theLocalUserNeedsNoCredentials() {
        http().get()
                .uri("/sessions")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].name")
                .isNotEmpty();
        http().get()
                .uri("/actuator/metrics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.names")
                .isArray();
    }

    @Test
    void theFacadeAndThePhoneWebhooksJudgeTheirCallersThemselves() {
        // No second filter in front of the façade: its own 401, with its OpenAI-style body, for a missing key...
        http().post()
                .uri("/v1/realtime/client_secrets")
                .headers(TUNNEL)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("invalid_api_key");
        // ...and its key is enough through a tunnel.
        http().post()
                .uri("/v1/realtime/client_secrets")
                .headers(TUNNEL)
                .headers(headers -> headers.setBearerAuth("dev-realtime-key"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.value")
                .value(value -> assertThat(value.toString()).startsWith("ek_"));
        // The phone endpoints are reached (here off without a Twilio token: 404), not asked to log in.
        http().post()
                .uri("/twilio/voice")
                .headers(TUNNEL)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("CallSid=CA-1")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult();
    }

    @Test
    void healthProbesAndInfoAreOpenAndHealthDetailsNeedALogin() {
        http().get()
                .uri("/actuator/health")
                .headers(TUNNEL)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components")
                .doesNotExist();
        // Nor through a component's path: no endpoint names for anonymous callers.
        http().get()
                .uri("/actuator/health/awsBidi")
                .headers(TUNNEL)
                .exchange()
                .expectBody(String.class)
                .value(body -> assertThat(String.valueOf(body)).doesNotContain("endpoint"));
        http().get()
                .uri("/actuator/health/awsBidi")
                .headers(LOGGED_IN_THROUGH_TUNNEL)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(String.valueOf(body)).contains("endpoint"));
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            http().get()
                    .uri(probe)
                    .headers(TUNNEL)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
        }
        http().get()
                .uri("/actuator/info")
                .headers(TUNNEL)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).startsWith("{"));
        http().get()
                .uri("/actuator/health")
                .headers(LOGGED_IN_THROUGH_TUNNEL)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.awsBidi.components.echo.status")
                .isEqualTo("UP");
        http().get()
                .uri("/actuator/metrics")
                .headers(LOGGED_IN_THROUGH_TUNNEL)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.names")
                .isArray();
    }

    @Test
    void aLoggedInUserHoldsAtMostItsLimitOfConversationsWhereverItComesFrom() {
        double refusedBefore = refused();
        HttpHeaders headers = new HttpHeaders();
        LOGGED_IN_THROUGH_TUNNEL.accept(headers);
        List<Disposable> held = new ArrayList<>();
        List<String> opened = new CopyOnWriteArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                held.add(new ReactorNettyWebSocketClient()
                        .execute(ws("/ws/echo"), headers, session -> {
                            opened.add(session.getId());
                            return session.receive().then();
                        })
                        .subscribe(null, error -> {}));
            }
            await().atMost(TIMEOUT).until(() -> opened.size() == 2);
            // The user's third, from another forwarded address, is refused: the limit counts the user.
            assertThat(upgrade("/ws/echo", headers2 -> {
                        headers2.set("X-Forwarded-For", "203.0.113.9");
                        headers2.setBasicAuth(USER, PASSWORD);
                    }))
                    .isEqualTo(429);
            assertThat(refused()).isEqualTo(refusedBefore + 1);
            // The local user, on the same loopback address, is someone else.
            List<String> received = new CopyOnWriteArrayList<>();
            new ReactorNettyWebSocketClient()
                    .execute(
                            ws("/ws/echo"),
                            session -> session.send(Flux.just(session.textMessage("local")))
                                    .thenMany(session.receive().take(1).map(message -> message.getPayloadAsText()))
                                    .doOnNext(received::add)
                                    .then(session.close()))
                    .block(TIMEOUT);
            assertThat(received).containsExactly("local");
        } finally {
            held.forEach(Disposable::dispose);
        }
    }

    @Test
    void theVoicePagesConversationsCountPerUserNotAgainstTheApplicationsKey() {
        double refusedBefore = refused("realtime");
        // Secrets the logged-in user's page asks for: the façade counts their sessions against the user.
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            secrets.add(secret(LOGGED_IN_THROUGH_TUNNEL));
        }
        List<Disposable> held = new ArrayList<>();
        List<String> opened = new CopyOnWriteArrayList<>();
        try {
            for (String secret : secrets.subList(0, 2)) {
                held.add(holdVoiceSocket(List.of("realtime", "openai-insecure-api-key." + secret), opened));
            }
            await().atMost(TIMEOUT).until(() -> opened.size() == 2);
            // The user's third is refused (sample.web.max-conversations-per-client is 2 here) and counted.
            assertThat(upgrade(
                            "/v1/realtime",
                            headers -> headers.set(
                                    "Sec-WebSocket-Protocol", "realtime, openai-insecure-api-key." + secrets.get(2))))
                    .isEqualTo(429);
            assertThat(refused("realtime")).isEqualTo(refusedBefore + 1);
            // The local user's page (another client) and a server client with the application's key still get theirs.
            held.add(holdVoiceSocket(List.of("realtime", "openai-insecure-api-key." + secret(headers -> {})), opened));
            held.add(holdVoiceSocket(List.of("realtime", "openai-insecure-api-key.dev-realtime-key"), opened));
            await().atMost(TIMEOUT).until(() -> opened.size() == 4);
        } finally {
            held.forEach(Disposable::dispose);
        }
    }

    /** A voice-page secret from {@code POST /voice/secret}, asked for with {@code headers}. */
    private String secret(Consumer<HttpHeaders> headers) {
        String body = http().post()
                .uri("/voice/secret")
                .headers(headers)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(body)
                .path("value")
                .asString();
    }

    /** Opens the façade's socket offering {@code subprotocols}, noting each that opened, and holds it. */
    private Disposable holdVoiceSocket(List<String> subprotocols, List<String> opened) {
        return new ReactorNettyWebSocketClient()
                .execute(ws("/v1/realtime"), new org.springframework.web.reactive.socket.WebSocketHandler() {
                    @Override
                    public List<String> getSubProtocols() {
                        return subprotocols;
                    }

                    @Override
                    public reactor.core.publisher.Mono<Void> handle(
                            org.springframework.web.reactive.socket.WebSocketSession session) {
                        opened.add(session.getId());
                        return session.receive().then();
                    }
                })
                .subscribe(null, error -> {});
    }

    private double refused() {
        return refused("console");
    }

    private double refused(String surface) {
        Counter counter = meters.find("aws.bidi.admission.refused")
                .tags("surface", surface, "reason", "session_limit")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** The status of a WebSocket upgrade request to {@code path}. */
    private Integer upgrade(String path, Consumer<HttpHeaders> extra) {
        HttpHeaders more = new HttpHeaders();
        extra.accept(more);
        return HttpClient.newConnection()
                .headers(headers -> {
                    headers.set("Connection", "Upgrade")
                            .set("Upgrade", "websocket")
                            .set("Sec-WebSocket-Version", "13")
                            .set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
                    more.forEach((name, values) -> headers.set(name, values));
                })
                .get()
                .uri("http://127.0.0.1:" + port + path)
                .response()
                .map(response -> response.status().code())
                .block(TIMEOUT);
    }

    private URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(TIMEOUT)
                .build();
    }
}
