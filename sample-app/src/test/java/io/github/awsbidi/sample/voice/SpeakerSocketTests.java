package io.github.awsbidi.sample.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The speaker panel's WebSocket without a browser: text in a word at a time, Polly's PCM out as it is synthesised,
 * against the embedded emulator's Polly (the sample's {@code speaker} session).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SpeakerSocketTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private final ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient();

    @Test
    void wordsStreamedInAreSpokenAsTheyArriveAndTheBilledCharactersComeLast() {
        List<String> received = new CopyOnWriteArrayList<>();
        // The page's side: the first sentence's words, then (only once its audio is back) the rest and close.
        Sinks.One<Boolean> firstAudio = Sinks.one();
        client.execute(
                        uri("/speaker/ws"),
                        ws -> ws.send(Flux.concat(
                                                Flux.just(text("Hello "), text("there. ")),
                                                firstAudio.asMono().thenMany(Flux.just(text("Bye."), close())))
                                        .map(ws::textMessage))
                                .and(ws.receive()
                                        .map(SpeakerSocketTests::describe)
                                        .doOnNext(received::add)
                                        .doOnNext(message -> {
                                            if (message.startsWith("binary ")) {
                                                firstAudio.tryEmitValue(true);
                                            }
                                        })
                                        .then()))
                .block(TIMEOUT);
        assertThat(received.get(0)).startsWith("{\"type\":\"state\",\"state\":\"connected\"");
        assertThat(received.get(1)).isEqualTo("{\"type\":\"speech\",\"sampleRate\":16000}");
        List<String> audio = received.stream()
                .filter(message -> message.startsWith("binary "))
                .toList();
        assertThat(audio).isNotEmpty().allMatch(message -> Integer.parseInt(message.substring(7)) % 2 == 0);
        assertThat(audio).allMatch(message -> Integer.parseInt(message.substring(7)) > 0);
        // Every character sent, whitespace included: "Hello " + "there. " + "Bye." (the emulator counts as the
        // SynthesizeSpeech documentation does).
        assertThat(received.subList(received.size() - 2, received.size()))
                .containsExactly(
                        "{\"type\":\"spoken\",\"requestCharacters\":17}",
                        "{\"type\":\"state\",\"state\":\"closed\",\"detail\":\"stream ended\"}");
        assertThat(received).noneMatch(message -> message.contains("\"error\""));
    }

    @Test
    void aWrongControlMessageIsAnsweredWithATypedErrorAndTheTextGoesOn() {
        List<String> received = new CopyOnWriteArrayList<>();
        client.execute(
                        uri("/speaker/ws"),
                        ws -> ws.send(Flux.just(
                                                "{\"type\":\"shout\"}",
                                                "{\"type\":\"text\",\"text\":\"\"}",
                                                text("Hi."),
                                                close())
                                        .map(ws::textMessage))
                                .and(ws.receive()
                                        .map(SpeakerSocketTests::describe)
                                        .doOnNext(received::add)
                                        .then()))
                .block(TIMEOUT);
        assertThat(received)
                .contains(
                        "{\"type\":\"error\",\"kind\":\"CLIENT\",\"message\":\"control message 'type' must be 'text' with a"
                                + " non-empty 'text', 'flush' or 'close', got: {\\\"type\\\":\\\"shout\\\"}\"}",
                        "{\"type\":\"error\",\"kind\":\"CLIENT\",\"message\":\"control message 'type' must be 'text' with a"
                                + " non-empty 'text', 'flush' or 'close', got: {\\\"type\\\":\\\"text\\\",\\\"text\\\":\\\"\\\"}\"}",
                        "{\"type\":\"spoken\",\"requestCharacters\":3}");
        assertThat(received).anyMatch(message -> message.startsWith("binary "));
    }

    @Test
    void textAfterCloseIsRefusedAndWhatCameBeforeIsStillSpoken() {
        List<String> received = new CopyOnWriteArrayList<>();
        client.execute(
                        uri("/speaker/ws"),
                        ws -> ws.send(Flux.just(text("One more thing"), close(), text("too late"))
                                        .map(ws::textMessage))
                                .and(ws.receive()
                                        .map(SpeakerSocketTests::describe)
                                        .doOnNext(received::add)
                                        .then()))
                .block(TIMEOUT);
        assertThat(received)
                .contains(
                        "{\"type\":\"error\",\"kind\":\"CLIENT\",\"message\":\"the text was closed: nothing more can be"
                                + " spoken on this stream, got: {\\\"type\\\":\\\"text\\\",\\\"text\\\":\\\"too late\\\"}\"}",
                        "{\"type\":\"spoken\",\"requestCharacters\":14}");
        // Close speaks what was buffered without a sentence end.
        assertThat(received).anyMatch(message -> message.startsWith("binary "));
    }

    @Test
    void aFlushSpeaksTheBufferedTextBeforeTheSentenceEnds() {
        List<String> received = new CopyOnWriteArrayList<>();
        Sinks.One<Boolean> firstAudio = Sinks.one();
        client.execute(
                        uri("/speaker/ws"),
                        ws -> ws.send(Flux.concat(
                                                Flux.just(text("no sentence end "), "{\"type\":\"flush\"}"),
                                                firstAudio.asMono().thenMany(Flux.just(close())))
                                        .map(ws::textMessage))
                                .and(ws.receive()
                                        .map(SpeakerSocketTests::describe)
                                        .doOnNext(received::add)
                                        .doOnNext(message -> {
                                            if (message.startsWith("binary ")) {
                                                firstAudio.tryEmitValue(true);
                                            }
                                        })
                                        .then()))
                .block(TIMEOUT);
        assertThat(received).anyMatch(message -> message.startsWith("binary "));
        assertThat(received).contains("{\"type\":\"spoken\",\"requestCharacters\":16}");
    }

    private static String text(String words) {
        return "{\"type\":\"text\",\"text\":\"" + words + "\"}";
    }

    private static String close() {
        return "{\"type\":\"close\"}";
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
