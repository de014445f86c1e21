package io.github.awsbidi.sample.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.novasonic.NovaSonic;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The voice page's server side without a browser, against the embedded emulator: what the page's scripts send and are
 * sent, on the OpenAI Realtime façade (its client secret, its tool runner, a conversation) and the transcriber's
 * socket. The façade's protocol itself is tested in the realtime module.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class VoiceSocketTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final int RATE = 48_000;

    @LocalServerPort
    int port;

    private final ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient();

    @Autowired
    @Qualifier("assistantNovaSonic")
    NovaSonic assistant;

    @Test
    void thePageGetsAShortLivedClientSecretAndItsSessionButNeverTheKey() {
        long now = System.currentTimeMillis() / 1000;
        String body = http().post()
                .uri("/voice/secret")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).doesNotContain("dev-realtime-key");
        JsonNode secret = RealtimePageClient.JSON.readTree(body);
        assertThat(secret.path("value").asString()).startsWith("ek_");
        assertThat(secret.path("expires_at").asLong()).isBetween(now + 50, now + 62);
        JsonNode session = secret.path("session");
        assertThat(session.path("type").asString()).isEqualTo("realtime");
        assertThat(session.path("instructions").asString())
                .isEqualTo(assistant.settings().systemPrompt());
        assertThat(session.path("audio").path("input").path("format").toString())
                .isEqualTo("{\"type\":\"audio/pcm\",\"rate\":24000}");
        assertThat(session.path("audio").path("input").path("turn_detection").toString())
                .isEqualTo("{\"type\":\"server_vad\",\"silence_duration_ms\":500}");
        assertThat(session.path("audio").path("output").path("format").toString())
                .isEqualTo("{\"type\":\"audio/pcm\",\"rate\":24000}");
        assertThat(session.path("audio").path("output").path("voice").asString())
                .isEqualTo(assistant.settings().voiceId());
        assertThat(session.path("tools").toString())
                .isEqualTo(
                        "[{\"type\":\"function\",\"name\":\"getWeather\",\"description\":\"Current weather for a city\","
                                + "\"parameters\":" + WeatherTool.SCHEMA + "}]");
    }

    @Test
    void aTypedWeatherQuestionCallsTheToolThroughThePageAndIsAnsweredAloud() {
        JsonNode secret = secret();
        try (RealtimePageClient page = connect(secret)) {
            page.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\","
                    + "\"content\":[{\"type\":\"input_text\",\"text\":\"What is the weather in Seattle?\"}]}}");
            page.send("{\"type\":\"response.create\"}");
            JsonNode call = page.next("response.function_call_arguments.done");
            assertThat(call.path("name").asString()).isEqualTo("getWeather");
            assertThat(call.path("arguments").asString()).isEqualTo("{\"location\":\"Seattle\"}");
            assertThat(page.next("response.done")
                            .path("response")
                            .path("status")
                            .asString())
                    .isEqualTo("completed");

            // The page runs the call through the app, then answers it and asks for the rest of the answer.
            String output = post(
                            "/voice/tools/getWeather", call.path("arguments").asString())
                    .path("output")
                    .asString();
            assertThat(RealtimePageClient.JSON.readTree(output))
                    .isEqualTo(RealtimePageClient.JSON.readTree(
                            "{\"location\":\"Seattle\",\"temperatureC\":21,\"sky\":\"clear\"}"));
            page.send(RealtimePageClient.JSON
                    .createObjectNode()
                    .put("type", "conversation.item.create")
                    .set(
                            "item",
                            RealtimePageClient.JSON
                                    .createObjectNode()
                                    .put("type", "function_call_output")
                                    .put("call_id", call.path("call_id").asString())
                                    .put("output", output))
                    .toString());
            page.send("{\"type\":\"response.create\"}");

            JsonNode spoken = page.next("response.output_audio_transcript.done");
            assertThat(spoken.path("transcript").asString())
                    .startsWith("The getWeather tool says:")
                    .contains("21");
            assertThat(page.next("response.done")
                            .path("response")
                            .path("status")
                            .asString())
                    .isEqualTo("completed");
            // 24 kHz speech as the page plays it: whole 16-bit samples in every chunk.
            assertThat(page.events())
                    .filteredOn(event -> event.path("type").asString().equals("response.output_audio.delta"))
                    .isNotEmpty()
                    .allMatch(event ->
                            Base64.getDecoder().decode(event.path("delta").asString()).length % 2 == 0);
            assertThat(page.types()).doesNotContain("error");
        }
    }

    @Test
    void microphoneAudioAt24kHzIsHeardForWhatItLastsAndAnswered() {
        try (RealtimePageClient page = connect(secret())) {
            // One second of loud tone then silence, at the façade's 24 kHz, as the page's worklet sends it.
            page.sendAudio(tone(1.0, 0.3));
            page.sendAudio(tone(1.0, 0.0));
            page.next("input_audio_buffer.speech_stopped");
            assertThat(page.next("conversation.item.input_audio_transcription.completed")
                            .path("transcript")
                            .asString())
                    .isEqualTo("heard 1.0 seconds of speech");
            assertThat(page.next("response.output_audio_transcript.done")
                            .path("transcript")
                            .asString())
                    .startsWith("You said: heard 1.0 seconds of speech");
        }
    }

    @Test
    void speakingOverTheAnswerStartsABargeInAndCancelsTheAnswer() {
        try (RealtimePageClient page = connect(secret())) {
            page.sendAudio(tone(1.0, 0.3));
            page.sendAudio(tone(0.7, 0.0));
            page.next("response.output_audio.delta");
            // The emulator speaks in real time: the answer is still being spoken when the user speaks again.
            page.sendAudio(tone(0.5, 0.3));
            page.next("input_audio_buffer.speech_started");
            JsonNode cancelled = page.next(
                    event -> event.path("type").asString().equals("response.done")
                            && event.path("response").path("status").asString().equals("cancelled"),
                    "a cancelled response.done");
            assertThat(cancelled
                            .path("response")
                            .path("status_details")
                            .path("reason")
                            .asString())
                    .isEqualTo("turn_detected");
        }
    }

    @Test
    void theToolEndpointRefusesAnUnknownToolAndArgumentsThatAreNoObject() {
        http().post()
                .uri("/voice/tools/getStocks")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isNotFound();
        http().post()
                .uri("/voice/tools/getWeather")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[1]")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void aClientSecretIsRefusedOnceTamperedWith() {
        String value = secret().path("value").asString();
        http().get()
                .uri("/v1/realtime")
                .header("Connection", "Upgrade")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .header("Sec-WebSocket-Protocol", "realtime, openai-insecure-api-key." + value + "x")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aPageThatGoesAwayWithoutClosingEndsItsConversation() {
        RealtimePageClient page = connect(secret());
        // Audio starts the conversation (the façade starts it when first needed).
        page.sendAudio(tone(0.2, 0.0));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> assistant.openConversations() > 0);
        // The page then vanishes: the client drops the connection.
        page.close();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> assistant.openConversations() == 0);
    }

    @Test
    void aMicrophoneRateOutOfRangeIsRefusedWithTheReason() {
        List<String> received = new CopyOnWriteArrayList<>();
        List<CloseStatus> closes = new CopyOnWriteArrayList<>();
        client.execute(uri("/transcriber/ws?rate=100"), ws -> {
                    ws.closeStatus().subscribe(closes::add);
                    return ws.receive()
                            .map(VoiceSocketTests::describe)
                            .doOnNext(received::add)
                            .then();
                })
                .block(TIMEOUT);
        assertThat(received)
                .containsExactly(
                        "{\"type\":\"error\",\"kind\":\"CLIENT\",\"message\":\"rate must be from 8000 to 192000 Hz, got 100\"}");
        assertThat(closes).singleElement().extracting(CloseStatus::getCode).isEqualTo(1008);
    }

    @Test
    void theTranscriberAnswersEachPartialPartWithAnInterimResultAndStopWithAFinalOne() {
        List<String> received = new CopyOnWriteArrayList<>();
        client.execute(
                        uri("/transcriber/ws?rate=" + RATE),
                        ws -> ws.send(pieces(1.0, 0.3)
                                        .map(pcm -> ws.binaryMessage(f -> f.wrap(pcm)))
                                        .concatWith(Mono.just(ws.textMessage("{\"type\":\"stop\"}"))))
                                .thenMany(ws.receive()
                                        .map(VoiceSocketTests::describe)
                                        .doOnNext(received::add)
                                        .takeUntil(message -> message.contains("\"interim\":false")))
                                .then(ws.close()))
                .block(TIMEOUT);
        // 25 pieces of 40 ms: the first 24 go out as PARTIAL parts as the next arrives, the last with stop.
        assertThat(received)
                .filteredOn(message -> message.contains("\"interim\":true"))
                .hasSize(24);
        assertThat(received.get(received.size() - 1))
                .matches(
                        "\\{\"type\":\"result\",\"interim\":false,\"text\":\"heard 1\\.00 seconds of speech at level 0\\.\\d\\d\"}");
    }

    @Test
    void theTranscriberAnswersAControlMessageOtherThanStopWithAnError() {
        List<String> received = new CopyOnWriteArrayList<>();
        client.execute(
                        uri("/transcriber/ws"),
                        ws -> ws.send(Mono.just(ws.textMessage("{\"type\":\"pause\"}")))
                                .thenMany(ws.receive()
                                        .map(VoiceSocketTests::describe)
                                        .doOnNext(received::add)
                                        .takeUntil(message -> message.contains("\"error\"")))
                                .then(ws.close()))
                .block(TIMEOUT);
        assertThat(received.get(received.size() - 1))
                .isEqualTo("{\"type\":\"error\",\"kind\":\"CLIENT\","
                        + "\"message\":\"control message 'type' must be 'stop', got: {\\\"type\\\":\\\"pause\\\"}\"}");
    }

    @Test
    void theTranscriberSaysSoWhenStoppedBeforeAnyAudio() {
        List<String> received = new CopyOnWriteArrayList<>();
        client.execute(
                        uri("/transcriber/ws"),
                        ws -> ws.send(Mono.just(ws.textMessage("{\"type\":\"stop\"}")))
                                .thenMany(ws.receive()
                                        .map(VoiceSocketTests::describe)
                                        .doOnNext(received::add)
                                        .takeUntil(message -> message.contains("\"error\"")))
                                .then(ws.close()))
                .block(TIMEOUT);
        assertThat(received.get(received.size() - 1))
                .isEqualTo("{\"type\":\"error\",\"kind\":\"CLIENT\","
                        + "\"message\":\"stop before any audio: nothing to transcribe\"}");
    }

    /** What the page does first: its client secret, the socket with it, the session it was issued for. */
    private RealtimePageClient connect(JsonNode secret) {
        RealtimePageClient page = new RealtimePageClient(
                "ws://127.0.0.1:" + port + "/v1/realtime", secret.path("value").asString());
        page.next("session.created");
        page.send("{\"type\":\"session.update\",\"session\":" + secret.path("session") + "}");
        page.next("session.updated");
        return page;
    }

    private JsonNode secret() {
        return post("/voice/secret", "");
    }

    /** A same-origin POST of the page's, answered with 200 and JSON. */
    private JsonNode post(String path, String json) {
        String body = http().post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return RealtimePageClient.JSON.readTree(Objects.requireNonNull(body, "no body"));
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(TIMEOUT)
                .build();
    }

    /** {@code seconds} of a 220 Hz tone of that amplitude (0 for silence) at the façade's 24 kHz. */
    private static byte[] tone(double seconds, double amplitude) {
        int samples = (int) Math.round(seconds * 24_000);
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * 220 * i / 24_000.0)));
        }
        return pcm.array();
    }

    /** {@code seconds} of a 220 Hz tone of that amplitude (0 for silence) at 48 kHz, in 40 ms pieces. */
    private static Flux<byte[]> pieces(double seconds, double amplitude) {
        int samples = (int) Math.round(seconds * RATE);
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * 220 * i / (double) RATE)));
        }
        byte[] all = pcm.array();
        int piece = RATE / 25 * 2;
        return Flux.range(0, all.length / piece)
                .map(i -> java.util.Arrays.copyOfRange(all, i * piece, (i + 1) * piece));
    }

    private static String describe(WebSocketMessage message) {
        return message.getType() == WebSocketMessage.Type.TEXT
                ? message.getPayloadAsText()
                : "binary " + message.getPayload().readableByteCount();
    }

    private URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }
}
