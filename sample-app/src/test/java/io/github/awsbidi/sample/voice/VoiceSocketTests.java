package io.github.awsbidi.sample.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.novasonic.NovaSonic;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The voice page's WebSockets without a browser: what the page's script is sent, against the embedded emulator. */
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
    void aTypedWeatherQuestionCallsTheToolAndIsAnsweredAloud() {
        List<String> received = new CopyOnWriteArrayList<>();
        client.execute(
                        uri("/voice/ws?rate=48000"),
                        ws -> ws.send(Mono.just(ws.textMessage(
                                        "{\"type\":\"say\",\"text\":\"What is the weather in Seattle?\"}")))
                                .thenMany(ws.receive()
                                        .map(VoiceSocketTests::describe)
                                        .doOnNext(received::add)
                                        .takeUntil(message ->
                                                message.contains("\"role\":\"ASSISTANT\",\"stage\":\"FINAL\"")))
                                .then(ws.close()))
                .block(TIMEOUT);
        assertThat(received.get(0)).startsWith("{\"type\":\"state\",\"state\":\"connected\"");
        assertThat(received.get(1)).isEqualTo("{\"type\":\"speech\",\"sampleRate\":24000}");
        assertThat(received)
                .contains(
                        "{\"type\":\"transcript\",\"role\":\"USER\",\"stage\":\"FINAL\",\"text\":\"What is the weather in Seattle?\"}",
                        "{\"type\":\"tool\",\"name\":\"getWeather\",\"arguments\":{\"location\":\"Seattle\"}}",
                        "{\"type\":\"turnEnd\"}");
        assertThat(received).anyMatch(message -> message.startsWith("{\"type\":\"latency\",\"millis\":"));
        assertThat(received).anyMatch(message -> message.startsWith("binary "));
        // 24 kHz speech from the FINAL text's length: every chunk is whole 16-bit samples.
        assertThat(received)
                .filteredOn(message -> message.startsWith("binary "))
                .allMatch(message -> Integer.parseInt(message.substring(7)) % 2 == 0);
        assertThat(received.get(received.size() - 1)).contains("21");
    }

    @Test
    void microphoneAudioAt48kHzIsHeardForWhatItLasts() {
        List<String> received = new CopyOnWriteArrayList<>();
        // One second of loud tone then silence, at the browser's rate: resampled to 16 kHz, it is one second long.
        Flux<byte[]> microphone = Flux.concat(pieces(1.0, 0.3), pieces(1.0, 0.0));
        client.execute(
                        uri("/voice/ws?rate=" + RATE),
                        ws -> ws.send(microphone
                                        .delayElements(Duration.ofMillis(5))
                                        .map(pcm -> ws.binaryMessage(f -> f.wrap(pcm))))
                                .and(ws.receive()
                                        .map(VoiceSocketTests::describe)
                                        .doOnNext(received::add)
                                        .takeUntil(message -> message.contains("\"role\":\"USER\""))
                                        .then(ws.close())))
                .block(TIMEOUT);
        assertThat(received.get(received.size() - 1))
                .isEqualTo(
                        "{\"type\":\"transcript\",\"role\":\"USER\",\"stage\":\"FINAL\",\"text\":\"heard 1.0 seconds of speech\"}");
    }

    @Test
    void aWrongControlMessageIsAnsweredWithAnErrorAndTheConversationGoesOn() {
        List<String> received = new CopyOnWriteArrayList<>();
        client.execute(
                        uri("/voice/ws"),
                        ws -> ws.send(Flux.just(
                                        ws.textMessage("{\"type\":\"shout\"}"),
                                        ws.textMessage("{\"type\":\"say\",\"text\":\"hello\"}")))
                                .thenMany(ws.receive()
                                        .map(VoiceSocketTests::describe)
                                        .doOnNext(received::add)
                                        .takeUntil(message -> message.contains("\"role\":\"USER\"")))
                                .then(ws.close()))
                .block(TIMEOUT);
        assertThat(received)
                .contains(
                        "{\"type\":\"error\",\"kind\":\"CLIENT\",\"message\":"
                                + "\"control message 'type' must be 'say' with a non-blank 'text', got: {\\\"type\\\":\\\"shout\\\"}\"}");
        assertThat(received.get(received.size() - 1)).contains("\"text\":\"hello\"");
    }

    @Test
    void aMicrophoneRateOutOfRangeIsRefusedWithTheReason() {
        List<String> received = new CopyOnWriteArrayList<>();
        List<CloseStatus> closes = new CopyOnWriteArrayList<>();
        client.execute(uri("/voice/ws?rate=100"), ws -> {
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

    @Test
    void aPageThatGoesAwayWithoutClosingEndsItsConversation() {
        client.execute(
                        uri("/voice/ws?rate=16000"),
                        ws -> ws.receive()
                                .map(VoiceSocketTests::describe)
                                .filter(message -> message.startsWith("{\"type\":\"speech\""))
                                .next()
                                // The page then vanishes: the client drops the connection without a close frame.
                                .then(Mono.never()))
                .timeout(Duration.ofSeconds(5), Mono.empty())
                .block(TIMEOUT);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> assistant.openConversations() == 0);
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
