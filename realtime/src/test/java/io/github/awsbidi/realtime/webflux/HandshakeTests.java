package io.github.awsbidi.realtime.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.realtime.ClientSecrets;
import io.github.awsbidi.realtime.RealtimeListener;
import io.github.awsbidi.realtime.SessionBinding;
import io.github.awsbidi.realtime.protocol.RealtimeJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

/** The handshake's refusals: unknown model (404 model_not_found), no or wrong key (401), the per-key limit (429). */
class HandshakeTests {

    private RealtimeFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void unknownModelIsRefusedWith404AndAnOpenAiErrorBody() {
        fixture = new RealtimeFixture();
        Refusal refusal = upgrade(fixture.httpUrl("?model=nope"), "Bearer " + RealtimeFixture.KEY);
        assertThat(refusal.status()).isEqualTo(404);
        JsonNode error = RealtimeJson.MAPPER.readTree(refusal.body()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("model_not_found");
        assertThat(error.path("param").asString()).isEqualTo("model");
        assertThat(error.path("message").asString()).contains("nope");
    }

    @Test
    void aMissingOrWrongKeyIsRefusedWith401() {
        fixture = new RealtimeFixture();
        Refusal wrong = upgrade(fixture.httpUrl("?model=assistant"), "Bearer sk-wrong");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(RealtimeJson.MAPPER.readTree(wrong.body()).at("/error/code").asString())
                .isEqualTo("invalid_api_key");
        Refusal none = upgrade(fixture.httpUrl("?model=assistant"), "Basic abc");
        assertThat(none.status()).isEqualTo(401);
        assertThat(fixture.refusals).containsExactly("realtime:unauthorized", "realtime:unauthorized");
    }

    @Test
    void browsersPresentTheKeyAsASubprotocolAndEachKeyHoldsAtMostItsSessions() {
        fixture = new RealtimeFixture();
        try (RealtimeTestClient first = RealtimeTestClient.connectWithSubprotocolKey(
                        fixture.url("?model=assistant"), RealtimeFixture.KEY);
                RealtimeTestClient second = fixture.connect()) {
            first.next("session.created");
            second.next("session.created");
            // The fixture allows two sessions per key: a third is refused at the door.
            Refusal third = upgrade(fixture.httpUrl("?model=assistant"), "Bearer " + RealtimeFixture.KEY);
            assertThat(third.status()).isEqualTo(429);
            assertThat(RealtimeJson.MAPPER
                            .readTree(third.body())
                            .at("/error/code")
                            .asString())
                    .isEqualTo("session_limit_reached");
            assertThat(fixture.refusals).containsExactly("realtime:session_limit");
        }
    }

    @Test
    void aClientSecretIssuedHereOrByAnotherInstanceOpensASessionAndAnExpiredOneIsRefused() {
        fixture = new RealtimeFixture();
        String body = HttpClient.create()
                .headers(headers -> headers.add("Authorization", "Bearer " + RealtimeFixture.KEY)
                        .add("Content-Type", "application/json"))
                .post()
                .uri(fixture.httpUrl("/client_secrets"))
                .send(ByteBufFlux.fromString(Mono.just("{\"expires_after\":{\"anchor\":\"created_at\",\"seconds\":600},"
                        + "\"session\":{\"type\":\"realtime\",\"instructions\":\"Be brief.\"}}")))
                .responseSingle((response, content) -> content.asString())
                .block(RealtimeTestClient.TIMEOUT);
        JsonNode issued = RealtimeJson.MAPPER.readTree(body);
        String secret = issued.path("value").asString();
        assertThat(secret).startsWith("ek_");
        assertThat(issued.path("expires_at").asLong())
                .isGreaterThan(Instant.now().getEpochSecond());
        assertThat(issued.at("/session/instructions").asString()).isEqualTo("Be brief.");
        try (RealtimeTestClient browser =
                RealtimeTestClient.connectWithSubprotocolKey(fixture.url("?model=assistant"), secret)) {
            browser.next("session.created");
        }

        ClientSecrets otherInstance = new ClientSecrets(RealtimeFixture.SIGNING_KEY, Clock.systemUTC());
        String fromElsewhere = otherInstance
                .issue(
                        "key-1",
                        Duration.ofMinutes(1),
                        SessionBinding.of(null, null, null).digest())
                .value();
        try (RealtimeTestClient browser =
                RealtimeTestClient.connectWithSubprotocolKey(fixture.url("?model=assistant"), fromElsewhere)) {
            browser.next("session.created");
        }

        ClientSecrets past = new ClientSecrets(
                RealtimeFixture.SIGNING_KEY, Clock.fixed(Instant.now().minusSeconds(3600), ZoneOffset.UTC));
        String expired = past.issue(
                        "key-1",
                        Duration.ofMinutes(10),
                        SessionBinding.of(null, null, null).digest())
                .value();
        assertThat(upgrade(fixture.httpUrl("?model=assistant"), "Bearer " + expired)
                        .status())
                .isEqualTo(401);
        assertThat(upgrade(fixture.httpUrl("?model=assistant"), "Bearer ek_forged.secret")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aMessageOverTheSizeLimitClosesTheSocket() {
        fixture = new RealtimeFixture();
        try (RealtimeTestClient client = fixture.connect()) {
            client.next("session.created");
            // The fixture allows 256 KiB per message.
            client.send(
                    "{\"type\":\"session.update\",\"session\":{\"instructions\":\"" + "x".repeat(300 * 1024) + "\"}}");
            org.awaitility.Awaitility.await().atMost(RealtimeTestClient.TIMEOUT).until(client::closed);
            assertThat(client.types()).doesNotContain("session.updated");
            assertThat(client.closeStatus()).isNotNull();
            assertThat(client.closeStatus().code()).isEqualTo(1009);
            assertThat(client.closeStatus().reasonText())
                    .isEqualTo("message over 262144 bytes (test.max-message-size)");
            assertThat(fixture.refusals).containsExactly("realtime:message_too_big");
        }
    }

    @Test
    void aForeignOriginIsRefusedWith403AndAnIdleSocketIsClosed() {
        fixture = new RealtimeFixture();
        List<String> refusals = new CopyOnWriteArrayList<>();
        RealtimeEndpoint endpoint = new RealtimeEndpoint(
                model -> fixture.novaSonic,
                RealtimeAuthenticator.keys(List.of(RealtimeFixture.KEY)),
                new RealtimeEndpointSettings(
                        "assistant",
                        2,
                        new SocketLimits.Limits(64 * 1024, Duration.ofMillis(500), Duration.ofMinutes(1), "test"),
                        List.of("https://app.example")),
                new Admission("realtime", 2, List.of("https://app.example"), (surface, reason) -> refusals.add(reason)),
                () -> RealtimeListener.NONE);
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(new ReactorHttpHandlerAdapter(
                        WebHttpHandlerBuilder.webHandler(endpoint).build()))
                .bindNow();
        try {
            String base = "127.0.0.1:" + server.port() + "/v1/realtime";
            Refusal foreign = HttpClient.create()
                    .headers(headers -> headers.add("Authorization", "Bearer " + RealtimeFixture.KEY)
                            .add("Origin", "https://evil.example")
                            .add("Connection", "Upgrade")
                            .add("Upgrade", "websocket")
                            .add("Sec-WebSocket-Version", "13")
                            .add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="))
                    .get()
                    .uri("http://" + base)
                    .responseSingle((response, body) -> body.asString()
                            .defaultIfEmpty("")
                            .map(text -> new Refusal(response.status().code(), text)))
                    .block(RealtimeTestClient.TIMEOUT);
            assertThat(foreign.status()).isEqualTo(403);
            assertThat(refusals).containsExactly("origin");

            // The server's own origin (Reactor Netty's client sends it) is admitted; the socket closes when idle.
            try (RealtimeTestClient idle = RealtimeTestClient.connect("ws://" + base, RealtimeFixture.KEY)) {
                idle.next("session.created");
                org.awaitility.Awaitility.await()
                        .atMost(RealtimeTestClient.TIMEOUT)
                        .until(idle::closed);
                assertThat(idle.closeStatus()).isNotNull();
                assertThat(idle.closeStatus().code()).isEqualTo(1008);
                assertThat(idle.closeStatus().reasonText())
                        .isEqualTo("idle timeout: no message for 0.5s (test.idle-timeout)");
                assertThat(refusals).containsExactly("origin", "idle_timeout");
            }
        } finally {
            server.disposeNow();
        }
    }

    static Refusal upgrade(String url, String authorization) {
        return HttpClient.create()
                .headers(headers -> headers.add("Authorization", authorization)
                        .add("Connection", "Upgrade")
                        .add("Upgrade", "websocket")
                        .add("Sec-WebSocket-Version", "13")
                        .add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                        .add("Sec-WebSocket-Protocol", "realtime"))
                .get()
                .uri(url)
                .responseSingle((response, body) -> body.asString()
                        .defaultIfEmpty("")
                        .map(text -> new Refusal(response.status().code(), text)))
                .block(RealtimeTestClient.TIMEOUT);
    }

    record Refusal(int status, String body) {}
}
