package io.github.awsbidi.realtime.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.realtime.ClientSecrets;
import io.github.awsbidi.realtime.RealtimeListener;
import io.github.awsbidi.realtime.protocol.RealtimeJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * What one caller can cost: a call ends at its maximum duration, and the sessions opened with client secrets an
 * application asked for on behalf of its users ({@link RealtimeEndpoint#SECRET_SUBJECT}) count per user, not against
 * the application's one key.
 */
class CallLimitsTests {

    /** The header the test's stand-in for an application endpoint names its logged-in user in. */
    private static final String USER_HEADER = "X-Test-User";

    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private RealtimeFixture fixture;
    private @Nullable DisposableServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.disposeNow();
        }
        fixture.close();
    }

    @Test
    void aCallIsClosedAtItsMaximumDurationWith1008AndCounted() {
        String url = serve(new SocketLimits.Limits(64 * 1024, Duration.ofMinutes(1), Duration.ofMillis(1500), "test"));
        try (RealtimeTestClient client = RealtimeTestClient.connect(url, RealtimeFixture.KEY)) {
            client.next("session.created");
            // Busy, not idle: the client keeps talking until the call's time is up.
            await().atMost(RealtimeTestClient.TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        client.send("{\"type\":\"input_audio_buffer.clear\"}");
                        return client.closed();
                    });
            assertThat(client.closeStatus()).isNotNull();
            assertThat(client.closeStatus().code()).isEqualTo(1008);
            assertThat(client.closeStatus().reasonText())
                    .isEqualTo("call over its maximum duration of 1.5s (test.max-call-duration)");
            assertThat(refusals).containsExactly("realtime:max_duration");
        }
    }

    @Test
    void secretsIssuedForUsersCountPerUserAndNotAgainstTheApplicationsKey() {
        String url = serve(RealtimeFixture.LIMITS);
        String aliceFirst = secret("alice");
        String aliceSecond = secret("alice");
        String aliceThird = secret("alice");
        String bob = secret("bob");
        try (RealtimeTestClient first = RealtimeTestClient.connectWithSubprotocolKey(url, aliceFirst);
                RealtimeTestClient second = RealtimeTestClient.connectWithSubprotocolKey(url, aliceSecond)) {
            first.next("session.created");
            second.next("session.created");
            // Two sessions per identity: alice's third is refused, while bob and the key itself still get theirs.
            HandshakeTests.Refusal third =
                    HandshakeTests.upgrade(url.replace("ws://", "http://"), "Bearer " + aliceThird);
            assertThat(third.status()).isEqualTo(429);
            assertThat(RealtimeJson.MAPPER
                            .readTree(third.body())
                            .at("/error/code")
                            .asString())
                    .isEqualTo("session_limit_reached");
            assertThat(refusals).containsExactly("realtime:session_limit");
            try (RealtimeTestClient bobs = RealtimeTestClient.connectWithSubprotocolKey(url, bob);
                    RealtimeTestClient server1 = RealtimeTestClient.connect(url, RealtimeFixture.KEY);
                    RealtimeTestClient server2 = RealtimeTestClient.connect(url, RealtimeFixture.KEY)) {
                bobs.next("session.created");
                server1.next("session.created");
                server2.next("session.created");
            }
        }
        // A subject cannot forge the secret's other fields with a line break.
        String forged = secret("mallory\n4102444800");
        try (RealtimeTestClient mallory = RealtimeTestClient.connectWithSubprotocolKey(url, forged)) {
            mallory.next("session.created");
        }
    }

    /** Serves an endpoint with {@code limits}, behind a filter that names the user as an application would. */
    private String serve(SocketLimits.Limits limits) {
        fixture = new RealtimeFixture();
        RealtimeEndpoint endpoint = new RealtimeEndpoint(
                model -> fixture.novaSonic,
                RealtimeAuthenticator.keys(List.of(RealtimeFixture.KEY)),
                new RealtimeEndpointSettings("assistant", 2, limits, List.of()),
                new Admission("realtime", 2, List.of(), (surface, reason) -> refusals.add(surface + ":" + reason)),
                () -> RealtimeListener.NONE,
                new ClientSecrets(RealtimeFixture.SIGNING_KEY, Clock.systemUTC()),
                Duration.ofMinutes(1));
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.webHandler(endpoint)
                        .filter((exchange, chain) -> {
                            String user = exchange.getRequest().getHeaders().getFirst(USER_HEADER);
                            if (user != null) {
                                exchange.getAttributes()
                                        .put(
                                                RealtimeEndpoint.SECRET_SUBJECT,
                                                java.net.URLDecoder.decode(user, StandardCharsets.UTF_8));
                            }
                            return chain.filter(exchange);
                        })
                        .build()))
                .bindNow();
        return "ws://127.0.0.1:" + server.port() + "/v1/realtime";
    }

    private String secret(String user) {
        String body = HttpClient.create()
                .headers(headers -> headers.add("Authorization", "Bearer " + RealtimeFixture.KEY)
                        .add("Content-Type", "application/json")
                        .add(USER_HEADER, java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)))
                .post()
                .uri("http://127.0.0.1:" + server.port() + "/v1/realtime/client_secrets")
                .send(ByteBufFlux.fromString(Mono.just("{\"session\":{\"type\":\"realtime\"}}")))
                .responseSingle((response, content) -> content.asString())
                .block(RealtimeTestClient.TIMEOUT);
        return RealtimeJson.MAPPER.readTree(body).path("value").asString();
    }
}
