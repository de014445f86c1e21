package io.github.awsbidi.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The sample, started as a user starts it (embedded emulator), driven through its WebSocket and HTTP endpoints. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private final ReactorNettyWebSocketClient webSockets = new ReactorNettyWebSocketClient();

    @Test
    void bridgesWebSocketMessagesToASageMakerSessionAndBack() {
        List<String> received = new CopyOnWriteArrayList<>();
        this.webSockets
                .execute(
                        ws("echo"),
                        session -> session.send(Flux.just(
                                        session.textMessage("hello"),
                                        session.binaryMessage(factory -> factory.wrap(new byte[] {1, 2, 3}))))
                                .thenMany(session.receive().take(2).map(message -> describe(message)))
                                .doOnNext(received::add)
                                .then(session.close()))
                .block(TIMEOUT);
        assertThat(received).containsExactly("TEXT hello", "BINARY [1, 2, 3]");
    }

    @Test
    void anEmptyTextMessageEndsTheInputAndTheServerEndsTheSocket() {
        List<String> received = new CopyOnWriteArrayList<>();
        List<CloseStatus> closes = new CopyOnWriteArrayList<>();
        this.webSockets
                .execute(ws("echo"), session -> {
                    session.closeStatus().subscribe(closes::add);
                    return session.send(Flux.just(session.textMessage("one"), session.textMessage("")))
                            .thenMany(session.receive().map(message -> describe(message)))
                            .doOnNext(received::add)
                            .then();
                })
                .block(TIMEOUT);
        assertThat(received).containsExactly("TEXT one");
        assertThat(closes).containsExactly(CloseStatus.NORMAL);
    }

    @Test
    void servesTheOpenAiRealtimeFacadeWithTheDevelopmentKey() {
        List<String> types = new CopyOnWriteArrayList<>();
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth("dev-realtime-key");
        this.webSockets
                .execute(
                        URI.create("ws://localhost:" + this.port + "/v1/realtime?model=assistant"),
                        headers,
                        session -> session.send(Flux.just(
                                        session.textMessage("{\"type\":\"conversation.item.create\",\"item\":{"
                                                + "\"type\":\"message\",\"role\":\"user\",\"content\":[{"
                                                + "\"type\":\"input_text\",\"text\":\"Hello there\"}]}}"),
                                        session.textMessage("{\"type\":\"response.create\"}")))
                                .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText))
                                .map(text -> text.substring(9, text.indexOf('"', 9)))
                                .doOnNext(types::add)
                                .takeUntil("response.done"::equals)
                                .then(session.close()))
                .block(TIMEOUT);
        assertThat(types.get(0)).isEqualTo("session.created");
        assertThat(types)
                .contains("response.created", "response.output_audio.delta")
                .endsWith("response.done");
    }

    @Test
    void bridgesNovaSonicEventsToTheBedrockSession() {
        List<String> received = new CopyOnWriteArrayList<>();
        this.webSockets
                .execute(
                        ws("assistant"),
                        session -> session.send(Flux.fromIterable(NovaSonicTurn.userTextTurn("Hello there"))
                                        .map(session::textMessage))
                                .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText))
                                .doOnNext(received::add)
                                .takeUntil(text ->
                                        text.contains("\"textOutput\"") && text.contains("You said: Hello there"))
                                .then(session.close()))
                .block(TIMEOUT);
        assertThat(received).first().asString().contains("\"completionStart\"");
        assertThat(received)
                .anySatisfy(text -> assertThat(text)
                        .contains("\"role\":\"USER\"")
                        .contains("\"textOutput\"")
                        .contains("Hello there"));
    }

    @Test
    void closesTheSocketOfAnUnknownSessionWithPolicyViolation() {
        List<CloseStatus> closes = new ArrayList<>();
        this.webSockets
                .execute(
                        ws("nope"),
                        session -> session.closeStatus().doOnNext(closes::add).then())
                .block(TIMEOUT);
        assertThat(closes).singleElement().satisfies(status -> {
            assertThat(status.getCode()).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode());
            assertThat(status.getReason()).isEqualTo("no session 'nope'");
        });
    }

    @Test
    void reportsAFailedExchangeAsAnErrorMessage() {
        // The emulator's echo container closes the WebSocket with this code on request: a ModelStreamError.
        List<String> received = new CopyOnWriteArrayList<>();
        this.webSockets
                .execute(
                        ws("echo"),
                        session -> session.send(Mono.just(
                                        session.textMessage("{\"type\":\"Close\",\"code\":1011,\"reason\":\"boom\"}")))
                                .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText))
                                .doOnNext(received::add)
                                .then())
                .block(TIMEOUT);
        assertThat(received).singleElement().asString().startsWith("{\"error\":{\"kind\":\"MODEL_STREAM_ERROR\"");
    }

    @Test
    void listsTheConfiguredSessions() {
        http().get()
                .uri("/sessions")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].name")
                .isEqualTo(List.of("assistant", "echo", "speaker", "transcriber"))
                .jsonPath("$[0].service")
                .isEqualTo("bedrock")
                .jsonPath("$[0].resource")
                .isEqualTo("amazon.nova-2-5-sonic")
                .jsonPath("$[1].service")
                .isEqualTo("sagemaker")
                .jsonPath("$[2].service")
                .isEqualTo("polly")
                .jsonPath("$[2].resource")
                .isEqualTo("Joanna")
                .jsonPath("$[3].resource")
                .isEqualTo("transcribe-sim");
    }

    @Test
    void runsAnExchangeOverHttp() {
        List<FrameView> responses = http().post()
                .uri("/sessions/echo/exchange")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of("a", "b"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<FrameView>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(responses).extracting(FrameView::text).containsExactly("a", "b");
    }

    @Test
    void aPageFromAnotherSiteCannotOpenTheBrowserSockets() {
        // Cross-site WebSocket hijacking: refused at the handshake, before any conversation starts.
        for (String path : List.of("/transcriber/ws", "/speaker/ws", "/ws/echo")) {
            http().get()
                    .uri(path)
                    .header("Origin", "https://evil.example")
                    .header("Connection", "Upgrade")
                    .header("Upgrade", "websocket")
                    .header("Sec-WebSocket-Version", "13")
                    .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
        // A page of this application's own origin is let in.
        HttpHeaders sameOrigin = new HttpHeaders();
        sameOrigin.set("Origin", "http://127.0.0.1:" + port);
        List<String> received = new CopyOnWriteArrayList<>();
        this.webSockets
                .execute(
                        ws("echo"),
                        sameOrigin,
                        session -> session.send(Flux.just(session.textMessage("hello")))
                                .thenMany(session.receive().take(1).map(message -> describe(message)))
                                .doOnNext(received::add)
                                .then(session.close()))
                .block(TIMEOUT);
        assertThat(received).containsExactly("TEXT hello");
    }

    @Test
    void oneClientHoldsAtMostItsLimitOfConversationsAtOnce() {
        double refusedBefore = refusedSessionLimit();
        List<reactor.core.Disposable> held = new ArrayList<>();
        List<String> opened = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(this.webSockets
                    .execute(ws("echo"), session -> {
                        opened.add(session.getId());
                        return session.receive().then();
                    })
                    .subscribe(null, error -> {}));
        }
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> opened.size() == 4);
        // The fifth at once is refused at the handshake.
        Integer status = reactor.netty.http.client.HttpClient.newConnection()
                .headers(headers -> headers.set("Connection", "Upgrade")
                        .set("Upgrade", "websocket")
                        .set("Sec-WebSocket-Version", "13")
                        .set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="))
                .get()
                .uri("http://127.0.0.1:" + port + "/ws/echo")
                .response()
                .map(response -> response.status().code())
                .block(TIMEOUT);
        assertThat(status).isEqualTo(429);
        assertThat(refusedSessionLimit()).isEqualTo(refusedBefore + 1);
        // Once one ends, its place is free again.
        held.forEach(reactor.core.Disposable::dispose);
        List<String> received = new CopyOnWriteArrayList<>();
        org.awaitility.Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> {
            this.webSockets
                    .execute(
                            ws("echo"),
                            session -> session.send(Flux.just(session.textMessage("again")))
                                    .thenMany(session.receive().take(1).map(message -> describe(message)))
                                    .doOnNext(received::add)
                                    .then(session.close()))
                    .block(TIMEOUT);
            assertThat(received).contains("TEXT again");
        });
    }

    private double refusedSessionLimit() {
        io.micrometer.core.instrument.Counter counter = meters.find("aws.bidi.admission.refused")
                .tags("surface", "console", "reason", "session_limit")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void withoutATwilioAuthTokenThePhoneEndpointsAreOff() {
        // Unsigned calls could run up the bill: no sample.twilio.auth-token, no phone endpoints.
        http().post()
                .uri("/twilio/voice")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("CallSid=CA-1&From=%2B15550100")
                .exchange()
                .expectStatus()
                .isNotFound();
        http().get()
                .uri("/twilio/media")
                .header("Connection", "Upgrade")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void answersAnUnknownSessionWith404() {
        http().post()
                .uri("/sessions/nope/exchange")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of("a"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("No session named 'nope'");
    }

    @Test
    void answersAServiceErrorWithAProblemDetail() {
        // A Bedrock model that is not JSON-fed fails validation in the Nova Sonic simulator.
        http().post()
                .uri("/sessions/assistant/exchange")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of("not json"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.kind")
                .isEqualTo("VALIDATION");
    }

    @Test
    void exposesHealthInfoAndMetrics() {
        http().get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        // Every body is read: an unread WebTestClient response body is a leaked buffer.
        http().get()
                .uri("/actuator/metrics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.names")
                .isArray();
        http().get()
                .uri("/actuator/info")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).startsWith("{"));
    }

    @Test
    void reportsEverySessionInTheAwsBidiHealthComponent() {
        http().get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.awsBidi.status")
                .isEqualTo("UP")
                .jsonPath("$.components.awsBidi.components.echo.status")
                .isEqualTo("UP")
                .jsonPath("$.components.awsBidi.components.echo.details.endpoint")
                .isEqualTo("echo")
                .jsonPath("$.components.awsBidi.components.echo.details.status")
                .isEqualTo("InService")
                .jsonPath("$.components.awsBidi.components.transcriber.details.endpoint")
                .isEqualTo("transcribe-sim")
                .jsonPath("$.components.awsBidi.components.assistant.details.model")
                .isEqualTo("amazon.nova-2-5-sonic")
                .jsonPath("$.components.awsBidi.components.assistant.details.status")
                .isEqualTo("ACTIVE")
                // The speaker's voice, listed by DescribeVoices with the generative engine.
                .jsonPath("$.components.awsBidiPolly.components.speaker.status")
                .isEqualTo("UP")
                .jsonPath("$.components.awsBidiPolly.components.speaker.details.voice")
                .isEqualTo("Joanna");
    }

    @Test
    void countsTheFramesOfARealExchangeInActuatorMetrics() {
        http().post()
                .uri("/sessions/echo/exchange")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of("one", "two", "three"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[2].text")
                .isEqualTo("three");
        http().get()
                .uri("/actuator/metrics/aws.bidi.frames?tag=session:echo&tag=direction:outbound")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("aws.bidi.frames")
                .jsonPath("$.measurements[0].value")
                .value(value -> assertThat(((Number) value).doubleValue()).isGreaterThanOrEqualTo(3));
        http().get()
                .uri("/actuator/metrics/aws.bidi.exchange?tag=session:echo")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.availableTags[*].tag")
                .value(tags -> assertThat(tags.toString()).contains("outcome", "service"));
    }

    @Test
    void servesTheVoicePageAsTheHomePageAndTheConsoleBesideIt() {
        http().get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("voice/voice.js", "console.html"));
        http().get()
                .uri("/console.html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("new WebSocket("));
    }

    private URI ws(String session) {
        return URI.create("ws://127.0.0.1:" + this.port + "/ws/" + session);
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + this.port)
                .responseTimeout(TIMEOUT)
                .build();
    }

    private static String describe(WebSocketMessage message) {
        if (message.getType() == WebSocketMessage.Type.TEXT) {
            return "TEXT " + message.getPayloadAsText();
        }
        byte[] bytes = new byte[message.getPayload().readableByteCount()];
        message.getPayload().read(bytes);
        return "BINARY " + Arrays.toString(bytes);
    }
}
