package io.github.awsbidi.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sockets' duration, idle and size limits, with short limits: each ending closes the socket with the documented
 * status and is counted in {@code aws.bidi.admission.refused}; the voice agent's socket on the façade is held to the
 * same {@code sample.web} limits.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"sample.web.idle-timeout=1s", "sample.web.max-call-duration=3s", "sample.web.max-message-size=2KB"
        })
class SocketLimitsTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final ReactorNettyWebSocketClient webSockets = new ReactorNettyWebSocketClient();

    @Test
    void aSilentSocketIsClosedAfterTheIdleTimeout() {
        double before = count("console", "idle_timeout");
        CloseStatus status = closeOf("/ws/echo", session -> Mono.empty());
        assertThat(status.getCode()).isEqualTo(1008);
        assertThat(status.getReason()).contains("idle timeout").contains("sample.web.idle-timeout");
        await().atMost(TIMEOUT).until(() -> count("console", "idle_timeout") == before + 1);
    }

    @Test
    void theTranscriberAndSpeakerSocketsAreHeldToTheSameIdleTimeout() {
        double before = count("transcriber", "idle_timeout");
        CloseStatus status = closeOf("/transcriber/ws?rate=16000", session -> Mono.empty());
        assertThat(status.getCode()).isEqualTo(1008);
        assertThat(status.getReason()).contains("idle timeout");
        await().atMost(TIMEOUT).until(() -> count("transcriber", "idle_timeout") == before + 1);

        double speakerBefore = count("speaker", "idle_timeout");
        CloseStatus speaker = closeOf("/speaker/ws", session -> Mono.empty());
        assertThat(speaker.getCode()).isEqualTo(1008);
        assertThat(speaker.getReason()).isEqualTo("idle timeout: no message for 1s (sample.web.idle-timeout)");
        await().atMost(TIMEOUT).until(() -> count("speaker", "idle_timeout") == speakerBefore + 1);
    }

    @Test
    void aBusySocketIsClosedAtTheMaximumCallDuration() {
        double before = count("console", "max_duration");
        double idleBefore = count("console", "idle_timeout");
        // A message every 200 ms keeps the socket from idling; the call still ends at 3 s.
        CloseStatus status = closeOf(
                "/ws/echo",
                session -> session.send(
                        Flux.interval(Duration.ofMillis(200)).map(tick -> session.textMessage("tick " + tick))));
        assertThat(status.getCode()).isEqualTo(1008);
        assertThat(status.getReason()).contains("maximum duration").contains("sample.web.max-call-duration");
        await().atMost(TIMEOUT).until(() -> count("console", "max_duration") == before + 1);
        assertThat(count("console", "idle_timeout")).isEqualTo(idleBefore);
    }

    @Test
    void theVoiceAgentsSocketOnTheFacadeIsHeldToTheSameLimits() {
        double before = count("realtime", "max_duration");
        String body = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .build()
                .post()
                .uri("/voice/secret")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String secret =
                JsonMapper.builder().build().readTree(body).path("value").asString();
        // The page's socket, busy (a message every 200 ms), is closed at the sample's 3 s as the others are.
        CloseStatus status = closeOf(
                "/v1/realtime",
                List.of("realtime", "openai-insecure-api-key." + secret),
                session -> session.send(Flux.interval(Duration.ofMillis(200))
                        .map(tick -> session.textMessage("{\"type\":\"input_audio_buffer.clear\"}"))));
        assertThat(status.getCode()).isEqualTo(1008);
        assertThat(status.getReason())
                .isEqualTo("call over its maximum duration of 3s (aws.bidi.realtime.max-call-duration)");
        await().atMost(TIMEOUT).until(() -> count("realtime", "max_duration") == before + 1);
    }

    @Test
    void aMessageOverTheSizeLimitClosesTheSocketWith1009() {
        double before = count("console", "message_too_big");
        CloseStatus status =
                closeOf("/ws/echo", session -> session.send(Mono.just(session.textMessage("x".repeat(3000)))));
        assertThat(status.getCode()).isEqualTo(1009);
        assertThat(status.getReason()).contains("message over 2048 bytes").contains("sample.web.max-message-size");
        await().atMost(TIMEOUT).until(() -> count("console", "message_too_big") == before + 1);
    }

    @Test
    void aFrameFarOverTheLimitIsStoppedBeforeItIsReadWith1009() {
        // Past the backstop (twice the limit, at least 64 KB more), Reactor Netty's frame limit closes the socket.
        CloseStatus status =
                closeOf("/ws/echo", session -> session.send(Mono.just(session.textMessage("z".repeat(100_000)))));
        assertThat(status.getCode()).isEqualTo(1009);
    }

    @Test
    void aMessageWithinTheSizeLimitPasses() {
        List<String> received = new CopyOnWriteArrayList<>();
        String largest = "y".repeat(2048);
        webSockets
                .execute(
                        ws("/ws/echo"),
                        session -> session.send(Mono.just(session.textMessage(largest)))
                                .thenMany(session.receive().take(1).map(message -> message.getPayloadAsText()))
                                .doOnNext(received::add)
                                .then(session.close()))
                .block(TIMEOUT);
        assertThat(received).containsExactly(largest);
    }

    /** Runs {@code client} on a socket to {@code path}, reading everything, and returns how the server closed it. */
    private CloseStatus closeOf(String path, java.util.function.Function<WebSocketSession, Mono<Void>> client) {
        return closeOf(path, List.of(), client);
    }

    /** {@link #closeOf(String, java.util.function.Function)} offering {@code subprotocols} at the handshake. */
    private CloseStatus closeOf(
            String path, List<String> subprotocols, java.util.function.Function<WebSocketSession, Mono<Void>> client) {
        AtomicReference<@Nullable CloseStatus> closed = new AtomicReference<>();
        webSockets
                .execute(ws(path), new WebSocketHandler() {
                    @Override
                    public List<String> getSubProtocols() {
                        return subprotocols;
                    }

                    @Override
                    public Mono<Void> handle(WebSocketSession session) {
                        session.closeStatus().subscribe(closed::set);
                        return Mono.when(
                                client.apply(session).onErrorComplete(),
                                session.receive().then());
                    }
                })
                .onErrorComplete()
                .block(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> closed.get() != null);
        CloseStatus status = closed.get();
        assertThat(status).isNotNull();
        return status;
    }

    private double count(String surface, String reason) {
        Counter counter = meters.find(SocketSurfaces.REFUSED)
                .tags("surface", surface, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }
}
