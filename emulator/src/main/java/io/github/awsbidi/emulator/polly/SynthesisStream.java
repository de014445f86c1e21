package io.github.awsbidi.emulator.polly;

import io.github.awsbidi.emulator.config.PollyOptions;
import io.github.awsbidi.emulator.novasonic.SpeechSynthesizer;
import io.github.awsbidi.emulator.stream.AwsErrors;
import io.github.awsbidi.emulator.stream.StreamContext;
import io.github.awsbidi.emulator.stream.StreamOperation;
import io.github.awsbidi.emulator.wire.EventStreamMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code StartSpeechSynthesisStream}: {@code TextEvent}s and {@code CloseStreamEvent} in, {@code AudioEvent}s
 * (raw audio as the event payload) and a final {@code StreamClosedEvent { RequestCharacters }} out. After a
 * {@code CloseStreamEvent} (or the client's half-close) pending text is spoken, then {@code StreamClosedEvent} ends
 * the stream. The idle timeout and the stream limit end it with {@code ServiceQuotaExceededException}, quota codes
 * {@code input-stream-inbound-event-timeout} and {@code input-stream-timeout} (the service model's {@code QuotaCode}
 * enum, as the AWS SDKs carry it): audio already synthesised goes out first, text not yet spoken is dropped.
 */
final class SynthesisStream implements StreamOperation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PollyOptions options;

    private final SynthesisRequest request;

    private final SpeechSynthesizer voice;

    private final TextAssembler text = new TextAssembler();

    /** Sentences waiting for their synthesis delay, oldest first, with the nano time each is ready. */
    private final Deque<Segment> queue = new ArrayDeque<>();

    private @Nullable StreamContext context;

    private @Nullable ScheduledFuture<?> idle;

    private @Nullable ScheduledFuture<?> limit;

    /** No more input is taken; the stream ends once the queue drains. */
    private boolean closing;

    SynthesisStream(PollyOptions options, SynthesisRequest request) {
        this.options = options;
        this.request = request;
        this.voice = new SpeechSynthesizer(request.sampleRate(), request.voice().id());
    }

    @Override
    public void start(StreamContext value) {
        context = value;
        limit = value.scheduler()
                .schedule(
                        () -> timeout("input-stream-timeout", "The stream exceeded its maximum duration"),
                        scaled(options.streamLimit()),
                        TimeUnit.NANOSECONDS);
        armIdle();
    }

    @Override
    public void onEvent(EventStreamMessage event) {
        if (closing || context == null) {
            return;
        }
        armIdle();
        String type = event.stringHeader(EventStreamMessage.EVENT_TYPE).orElse("");
        try {
            switch (type) {
                case "TextEvent" -> textEvent(event.payload());
                case "CloseStreamEvent" -> close();
                default ->
                    throw new IllegalArgumentException(
                            "Unknown input event type '" + type + "'; expected TextEvent or CloseStreamEvent");
            }
        } catch (IllegalArgumentException e) {
            fail(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void onInputComplete() {
        close();
    }

    @Override
    public void onCancel() {
        cancelTimers();
        queue.clear();
        context = null;
    }

    private void textEvent(byte[] payload) {
        JsonNode body;
        try {
            body = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The TextEvent is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode textNode = body.get("Text");
        if (textNode == null || !textNode.isString()) {
            throw new IllegalArgumentException(
                    "1 validation error detected: Value null at 'text' failed to satisfy constraint: Member must not be null");
        }
        JsonNode typeNode = body.get("TextType");
        String textType = typeNode == null || typeNode.isNull() ? "text" : typeNode.asString();
        JsonNode flush = body.get("FlushStreamConfiguration");
        boolean force =
                flush != null && flush.has("Force") && flush.get("Force").asBoolean(false);
        List<String> ready = switch (textType) {
            case "text" -> text.text(textNode.asString(), force);
            case "ssml" -> text.ssml(textNode.asString());
            default ->
                throw new IllegalArgumentException(
                        "1 validation error detected: Value '" + textType
                                + "' at 'textType' failed to satisfy constraint: Member must satisfy enum value set: [ssml, text]");
        };
        ready.forEach(this::synthesise);
    }

    private void synthesise(String sentence) {
        long now = System.nanoTime();
        long readyAt = now + scaled(options.synthesisDelay());
        Segment last = queue.peekLast();
        if (last != null && last.readyAt() > readyAt) {
            readyAt = last.readyAt();
        }
        int characters = sentence.codePointCount(0, sentence.length());
        long samples = options.speechPerCharacter().toNanos() * characters * request.sampleRate() / 1_000_000_000L;
        queue.add(new Segment(readyAt, (int) Math.min(samples, Integer.MAX_VALUE)));
        context().scheduler().schedule(this::drain, Math.max(0, readyAt - now), TimeUnit.NANOSECONDS);
    }

    /** Sends every segment whose delay is over, in order; ends the stream when closing and nothing is left. */
    private void drain() {
        StreamContext stream = context;
        if (stream == null) {
            return;
        }
        long now = System.nanoTime();
        for (Segment head = queue.peekFirst(); head != null && head.readyAt() <= now; head = queue.peekFirst()) {
            send(stream, queue.removeFirst());
        }
        if (closing && queue.isEmpty()) {
            cancelTimers();
            stream.send(EventStreamMessage.event(
                    "StreamClosedEvent",
                    "application/json",
                    AwsErrors.jsonBytes(Map.of("RequestCharacters", text.requestCharacters()))));
            stream.complete();
            context = null;
        }
    }

    private void send(StreamContext stream, Segment segment) {
        int chunk = (int) (options.audioChunkDuration().toNanos() * request.sampleRate() / 1_000_000_000L);
        for (int from = 0; from < segment.samples(); from += chunk) {
            int count = Math.min(chunk, segment.samples() - from);
            // Each sentence is one utterance, faded in and out, so sentences are audibly apart.
            byte[] pcm = voice.render(from, count, segment.samples());
            stream.send(EventStreamMessage.event(
                    "AudioEvent", "application/octet-stream", request.format().encode(pcm)));
        }
    }

    private void close() {
        if (closing || context == null) {
            return;
        }
        closing = true;
        text.flush().forEach(this::synthesise);
        drain();
    }

    /** A quota ended the stream: what is synthesised goes out, then the exception. */
    private void timeout(String quotaCode, String message) {
        StreamContext stream = context;
        if (stream == null || closing) {
            return;
        }
        closing = true;
        cancelTimers();
        for (Segment segment = queue.pollFirst(); segment != null; segment = queue.pollFirst()) {
            send(stream, segment);
        }
        context = null;
        stream.failWithException(
                "ServiceQuotaExceededException",
                AwsErrors.jsonBytes(Map.of("message", message, "quotaCode", quotaCode, "serviceCode", "polly")));
    }

    private void fail(String message) {
        StreamContext stream = context();
        cancelTimers();
        queue.clear();
        closing = true;
        context = null;
        stream.failWithException("ValidationException", AwsErrors.jsonBytes(Map.of("message", message)));
    }

    private void armIdle() {
        ScheduledFuture<?> previous = idle;
        if (previous != null) {
            previous.cancel(false);
        }
        idle = context()
                .scheduler()
                .schedule(
                        () -> timeout(
                                "input-stream-inbound-event-timeout",
                                "No input event arrived within the inbound event timeout"),
                        scaled(options.idleTimeout()),
                        TimeUnit.NANOSECONDS);
    }

    private void cancelTimers() {
        for (ScheduledFuture<?> timer : new ScheduledFuture<?>[] {idle, limit}) {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    private long scaled(Duration duration) {
        return (long) (duration.toNanos() * options.timeScale());
    }

    private StreamContext context() {
        StreamContext current = context;
        if (current == null) {
            throw new IllegalStateException("stream not started or already ended");
        }
        return current;
    }

    /** A sentence's audio, due at {@code readyAt} ({@link System#nanoTime()}). */
    private record Segment(long readyAt, int samples) {}
}
