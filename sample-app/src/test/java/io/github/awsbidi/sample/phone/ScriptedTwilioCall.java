package io.github.awsbidi.sample.phone;

import io.github.awsbidi.novasonic.audio.FramePacer;
import io.github.awsbidi.novasonic.audio.MuLaw;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays Twilio's side of a Media Stream over a real WebSocket: {@code connected} and {@code start}, then a 20 ms
 * {@code media} message every 20 ms (the caller's queued speech, else line silence) as a phone line does, and
 * {@code mark} echoes and {@code stop} on request. Records what the server sends and how the socket closed.
 */
final class ScriptedTwilioCall implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The auth token the tests' application signs with ({@code sample.twilio.auth-token}). */
    static final String AUTH_TOKEN = "test-twilio-auth-token";

    /** The properties that turn the phone endpoints on with {@link #AUTH_TOKEN}. */
    static final String TOKEN_PROPERTY = "sample.twilio.auth-token=" + AUTH_TOKEN;

    final String streamSid;
    private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final Queue<byte[]> speech = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger chunk = new AtomicInteger();
    private final AtomicReference<@Nullable Integer> closeCode = new AtomicReference<>();
    private volatile boolean closed;
    private final Disposable connection;
    private final Disposable line;

    private ScriptedTwilioCall(int port, String streamSid, String callSid) {
        this.streamSid = streamSid;
        // Twilio signs the upgrade request for the stream URL the TwiML named.
        String signature = new TwilioSignature(AUTH_TOKEN)
                .sign("wss://127.0.0.1:" + port + TwilioVoiceController.MEDIA_PATH, java.util.Map.of());
        this.connection = HttpClient.create()
                .headers(headers -> headers.set(TwilioSignature.HEADER, signature))
                .websocket()
                .uri("ws://127.0.0.1:" + port + "/twilio/media")
                .handle((in, out) -> {
                    in.receiveCloseStatus().subscribe(status -> closeCode.set(status.code()));
                    out.sendString(outgoing.asFlux()).then().subscribe(null, error -> {});
                    // The socket is over when the server's side ends.
                    return in.receive()
                            .asString()
                            .doOnNext(text -> received.add(JSON.readTree(text)))
                            .doFinally(signal -> closed = true)
                            .then();
                })
                .subscribe(null, error -> closed = true, () -> closed = true);
        send(JSON.createObjectNode()
                .put("event", "connected")
                .put("protocol", "Call")
                .put("version", "1.0.0"));
        ObjectNode start = message("start");
        ObjectNode body = start.putObject("start")
                .put("streamSid", streamSid)
                .put("accountSid", "AC-test")
                .put("callSid", callSid);
        body.putArray("tracks").add("inbound");
        body.putObject("customParameters").put("caller", "+15550100");
        body.putObject("mediaFormat")
                .put("encoding", "audio/x-mulaw")
                .put("sampleRate", 8000)
                .put("channels", 1);
        send(start);
        this.line =
                Flux.interval(FramePacer.FRAME_DURATION).onBackpressureDrop().subscribe(tick -> sendMedia());
    }

    /** Connects to the sample app and starts a stream. */
    static ScriptedTwilioCall dial(int port, String streamSid, String callSid) {
        return new ScriptedTwilioCall(port, streamSid, callSid);
    }

    /** Queues the caller's μ-law speech; it goes out in 20 ms frames in place of line silence. */
    void speak(byte[] mulaw) {
        for (int offset = 0; offset < mulaw.length; offset += FramePacer.FRAME_BYTES) {
            speech.add(Arrays.copyOfRange(mulaw, offset, Math.min(mulaw.length, offset + FramePacer.FRAME_BYTES)));
        }
    }

    /** Plays back a mark, as Twilio does once the audio before it has played. */
    void echoMark(String name) {
        ObjectNode mark = message("mark");
        mark.putObject("mark").put("name", name);
        send(mark);
    }

    /** Ends the stream as Twilio does when the caller hangs up: no more media, then {@code stop}. */
    void stop() {
        line.dispose();
        ObjectNode stop = message("stop");
        stop.putObject("stop").put("accountSid", "AC-test").put("callSid", "CA-test");
        send(stop);
    }

    /** Sends a text message as it is (e.g. one Twilio would never send). */
    synchronized void sendRaw(String text) {
        outgoing.tryEmitNext(text);
    }

    /** Drops the connection without a {@code stop}. */
    void hangUpAbruptly() {
        line.dispose();
        connection.dispose();
    }

    /** Everything the server sent so far, in order. */
    List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** The server's messages of one {@code event} type so far. */
    List<JsonNode> received(String event) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode message : received) {
            if (event.equals(message.path("event").asString())) {
                matching.add(message);
            }
        }
        return matching;
    }

    /** The WebSocket close code the server sent, once the socket closed; else {@code null}. */
    @Nullable
    Integer closeCode() {
        return closeCode.get();
    }

    /** Whether the socket is closed. */
    boolean isClosed() {
        return closed;
    }

    static byte[] payload(JsonNode media) {
        return Base64.getDecoder().decode(media.path("media").path("payload").asString());
    }

    @Override
    public void close() {
        line.dispose();
        connection.dispose();
    }

    private void sendMedia() {
        byte[] frame = speech.poll();
        if (frame == null) {
            frame = new byte[FramePacer.FRAME_BYTES];
            Arrays.fill(frame, MuLaw.SILENCE);
        }
        int number = chunk.incrementAndGet();
        ObjectNode media = message("media");
        media.putObject("media")
                .put("track", "inbound")
                .put("chunk", String.valueOf(number))
                .put("timestamp", String.valueOf(number * 20L))
                .put("payload", Base64.getEncoder().encodeToString(frame));
        send(media);
    }

    private ObjectNode message(String event) {
        // Twilio sends numbers as strings.
        return JSON.createObjectNode()
                .put("event", event)
                .put("sequenceNumber", String.valueOf(sequence.incrementAndGet()))
                .put("streamSid", streamSid);
    }

    private synchronized void send(ObjectNode message) {
        outgoing.tryEmitNext(JSON.writeValueAsString(message));
    }
}
