package io.github.awsbidi.realtime.webflux;

import io.github.awsbidi.realtime.protocol.RealtimeJson;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.JsonNode;

/** A Reactor Netty WebSocket client of the endpoint: sends JSON events, records every server event in order. */
final class RealtimeTestClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
    final List<JsonNode> events = new CopyOnWriteArrayList<>();

    /** When each event of {@link #events} arrived ({@link System#nanoTime()}), at the same index. */
    final List<Long> arrivals = new CopyOnWriteArrayList<>();

    private volatile Consumer<JsonNode> reactor = event -> {};
    private volatile boolean closed;
    private volatile @Nullable WebSocketCloseStatus closeStatus;
    private final Disposable connection;
    private int cursor;

    private RealtimeTestClient(String url, @Nullable String bearer, List<String> protocols) {
        HttpClient client = HttpClient.create();
        if (bearer != null) {
            client = client.headers(headers -> headers.add("Authorization", "Bearer " + bearer));
        }
        connection = client.websocket(WebsocketClientSpec.builder()
                        .protocols(String.join(",", protocols))
                        .maxFramePayloadLength(8 * 1024 * 1024)
                        .build())
                .uri(url)
                .handle((in, out) -> {
                    in.receiveCloseStatus().subscribe(status -> closeStatus = status);
                    Mono<Void> receive = in.aggregateFrames(8 * 1024 * 1024)
                            .receive()
                            .asString()
                            .doOnNext(text -> {
                                long now = System.nanoTime();
                                JsonNode event = RealtimeJson.MAPPER.readTree(text);
                                arrivals.add(now);
                                events.add(event);
                                reactor.accept(event);
                            })
                            .then();
                    return Mono.when(receive, out.sendString(outgoing.asFlux()).then());
                })
                .doFinally(signal -> closed = true)
                .subscribe(null, error -> closed = true);
    }

    static RealtimeTestClient connect(String url, String key) {
        return new RealtimeTestClient(url, key, List.of("realtime"));
    }

    static RealtimeTestClient connectWithSubprotocolKey(String url, String key) {
        return new RealtimeTestClient(url, null, List.of("realtime", "openai-insecure-api-key." + key));
    }

    /** Reacts to every event as it arrives, on the receiving thread (e.g. to answer at once, as a program would). */
    void onEvent(Consumer<JsonNode> reaction) {
        this.reactor = reaction;
    }

    void send(String json) {
        outgoing.emitNext(json, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }

    void sendAudio(byte[] audio, int chunkBytes) {
        for (int offset = 0; offset < audio.length; offset += chunkBytes) {
            int length = Math.min(chunkBytes, audio.length - offset);
            byte[] chunk = new byte[length];
            System.arraycopy(audio, offset, chunk, 0, length);
            send("{\"type\":\"input_audio_buffer.append\",\"audio\":\""
                    + Base64.getEncoder().encodeToString(chunk) + "\"}");
        }
    }

    /** The next event (after those already taken) of {@code type}; events before it are passed over. */
    JsonNode next(String type) {
        return next(event -> event.path("type").asString().equals(type), type);
    }

    JsonNode next(Predicate<JsonNode> match, String what) {
        try {
            Awaitility.await(what).atMost(TIMEOUT).until(() -> indexFrom(cursor, match) >= 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no " + what + " after " + types(), e);
        }
        int index = indexFrom(cursor, match);
        cursor = index + 1;
        return events.get(index);
    }

    /** Every event's type, in order. */
    List<String> types() {
        List<String> types = new ArrayList<>();
        for (JsonNode event : events) {
            types.add(event.path("type").asString());
        }
        return types;
    }

    boolean closed() {
        return closed;
    }

    /** The close frame the server sent; null until one arrived. */
    @Nullable
    WebSocketCloseStatus closeStatus() {
        return closeStatus;
    }

    private int indexFrom(int from, Predicate<JsonNode> match) {
        for (int i = from; i < events.size(); i++) {
            if (match.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        outgoing.tryEmitComplete();
        connection.dispose();
    }
}
