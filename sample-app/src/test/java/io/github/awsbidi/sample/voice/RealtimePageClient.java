package io.github.awsbidi.sample.voice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the voice page's script does on the wire, without a browser: opens {@code /v1/realtime} with the subprotocols
 * {@code realtime} and {@code openai-insecure-api-key.<ek>}, sends JSON client events and records every server event
 * in order.
 */
final class RealtimePageClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();

    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private final Disposable connection;

    private int cursor;

    RealtimePageClient(String url, String clientSecret) {
        connection = HttpClient.create()
                .websocket(WebsocketClientSpec.builder()
                        .protocols("realtime,openai-insecure-api-key." + clientSecret)
                        .maxFramePayloadLength(4 * 1024 * 1024)
                        .build())
                .uri(url)
                .handle((in, out) -> Mono.when(
                        in.aggregateFrames(4 * 1024 * 1024)
                                .receive()
                                .asString()
                                .doOnNext(text -> events.add(JSON.readTree(text)))
                                .then(),
                        out.sendString(outgoing.asFlux()).then()))
                .subscribe(null, error -> {});
    }

    void send(String json) {
        outgoing.emitNext(json, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }

    /** 16-bit PCM as input_audio_buffer.append events of 40 ms (at 24 kHz), as the page's worklet posts them. */
    void sendAudio(byte[] pcm) {
        int piece = 24_000 / 25 * 2;
        for (int offset = 0; offset < pcm.length; offset += piece) {
            byte[] chunk = java.util.Arrays.copyOfRange(pcm, offset, Math.min(pcm.length, offset + piece));
            send("{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                    + Base64.getEncoder().encodeToString(chunk) + "\"}");
        }
    }

    /** The next server event of {@code type}, after those already taken; events before it are passed over. */
    JsonNode next(String type) {
        return next(event -> event.path("type").asString().equals(type), type);
    }

    JsonNode next(Predicate<JsonNode> match, String what) {
        try {
            Awaitility.await(what).atMost(TIMEOUT).until(() -> indexFrom(match) >= 0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no " + what + " among " + types(), e);
        }
        int index = indexFrom(match);
        cursor = index + 1;
        return events.get(index);
    }

    /** Every server event received so far. */
    List<JsonNode> events() {
        return List.copyOf(events);
    }

    List<String> types() {
        List<String> types = new ArrayList<>();
        for (JsonNode event : events) {
            types.add(event.path("type").asString());
        }
        return types;
    }

    private int indexFrom(Predicate<JsonNode> match) {
        for (int i = cursor; i < events.size(); i++) {
            if (match.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Drops the connection, with no close frame (a page that goes away). */
    @Override
    public void close() {
        connection.dispose();
    }
}
