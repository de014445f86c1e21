package io.github.awsbidi.emulator.cassette;

import io.github.awsbidi.emulator.cassette.RecordedCassette.Step;
import io.github.awsbidi.emulator.stream.AwsErrors;
import io.github.awsbidi.emulator.stream.OpenDecision;
import io.github.awsbidi.emulator.stream.StreamContext;
import io.github.awsbidi.emulator.wire.EventStreamMessage;
import io.github.awsbidi.emulator.wire.Header;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How each operation's frames and errors look on the wire, for replay: SageMaker {@code PayloadPart}s with their
 * {@code DataType}/{@code CompletionState} headers, Bedrock {@code chunk}s whose {@code bytes} carry the payload,
 * Polly {@code TextEvent}s (a UTF-8 frame of the text, complete when it sets {@code Force}) and
 * {@code CloseStreamEvent} (an empty binary frame) in, {@code AudioEvent}s (binary frames) and the
 * {@code StreamClosedEvent} (a UTF-8 frame of its JSON) out.
 * The wire shapes are AWS's (documented event and exception types); which modeled error reports a diverging request
 * is the emulator's choice, see {@link #diverged}.
 */
enum ReplayProtocol {
    SAGEMAKER {
        @Override
        Step.Frame decode(EventStreamMessage event) {
            String type = event.stringHeader(EventStreamMessage.EVENT_TYPE).orElse("");
            if (!type.equals("PayloadPart")) {
                throw new IllegalArgumentException("event type '" + type + "' is not PayloadPart");
            }
            String dataType = event.stringHeader("DataType").orElse("BINARY");
            String completion = event.stringHeader("CompletionState").orElse("COMPLETE");
            return new Step.Frame(0, true, dataType.equals("UTF8"), !completion.equals("PARTIAL"), event.payload());
        }

        @Override
        EventStreamMessage encode(Step.Frame frame) {
            return new EventStreamMessage(
                    List.of(
                            Header.string(EventStreamMessage.MESSAGE_TYPE, "event"),
                            Header.string(EventStreamMessage.EVENT_TYPE, "PayloadPart"),
                            Header.string(EventStreamMessage.CONTENT_TYPE, "application/octet-stream"),
                            Header.string("DataType", frame.utf8() ? "UTF8" : "BINARY"),
                            Header.string("CompletionState", frame.complete() ? "COMPLETE" : "PARTIAL")),
                    frame.payload());
        }

        @Override
        void diverged(StreamContext context, String message) {
            // SageMaker's only modeled in-stream errors are ModelStreamError and InternalStreamFailure; the former
            // carries a code, so the client can tell a divergence from a real model failure.
            context.failWithException(
                    "ModelStreamError", AwsErrors.jsonBytes(Map.of("Message", message, "ErrorCode", DIVERGED)));
        }

        @Override
        void fail(StreamContext context, RecordedCassette.Error error) {
            String type = error.awsErrorType();
            if (type == null) {
                context.reset();
            } else if (type.equalsIgnoreCase("ModelStreamError")) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("Message", error.message());
                if (error.code() != null) {
                    body.put("ErrorCode", error.code());
                }
                context.failWithException("ModelStreamError", AwsErrors.jsonBytes(body));
            } else if (type.equalsIgnoreCase("InternalStreamFailure")) {
                context.failWithException(
                        "InternalStreamFailure", AwsErrors.jsonBytes(Map.of("Message", error.message())));
            } else {
                context.failWithError(type, error.message());
            }
        }

        @Override
        Map<String, String> responseHeaders(@Nullable String invokedVariant) {
            return invokedVariant == null ? Map.of() : Map.of("x-amzn-invoked-production-variant", invokedVariant);
        }
    },

    BEDROCK {
        @Override
        Step.Frame decode(EventStreamMessage event) {
            String type = event.stringHeader(EventStreamMessage.EVENT_TYPE).orElse("");
            if (!type.equals("chunk")) {
                throw new IllegalArgumentException("event type '" + type + "' is not chunk");
            }
            try {
                JsonNode bytes = JSON.readTree(event.payload()).get("bytes");
                if (bytes == null || !bytes.isString()) {
                    throw new IllegalArgumentException("the chunk has no 'bytes' member");
                }
                return new Step.Frame(0, true, true, true, Base64.getDecoder().decode(bytes.asString()));
            } catch (JacksonException e) {
                throw new IllegalArgumentException("the chunk is not JSON: " + e.getOriginalMessage(), e);
            }
        }

        @Override
        EventStreamMessage encode(Step.Frame frame) {
            byte[] json =
                    JSON.writeValueAsBytes(Map.of("bytes", Base64.getEncoder().encodeToString(frame.payload())));
            return EventStreamMessage.event("chunk", "application/json", json);
        }

        @Override
        void diverged(StreamContext context, String message) {
            // Bedrock reports input the model cannot take as an in-stream validationException.
            context.failWithException("validationException", AwsErrors.jsonBytes(Map.of("message", message)));
        }

        @Override
        void fail(StreamContext context, RecordedCassette.Error error) {
            String type = error.awsErrorType();
            if (type == null) {
                context.reset();
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", error.message());
            Matcher original = ORIGINAL_STATUS.matcher(error.code() == null ? "" : error.code());
            if (original.matches()) {
                body.put("originalStatusCode", Integer.parseInt(original.group(1)));
            }
            // The event's exception type is the union member's name: lower camel case (modelStreamErrorException).
            String member = Character.toLowerCase(type.charAt(0)) + type.substring(1);
            context.failWithException(member, AwsErrors.jsonBytes(body));
        }

        @Override
        Map<String, String> responseHeaders(@Nullable String invokedVariant) {
            return Map.of();
        }
    },

    POLLY {
        @Override
        Step.Frame decode(EventStreamMessage event) {
            String type = event.stringHeader(EventStreamMessage.EVENT_TYPE).orElse("");
            if (type.equals("CloseStreamEvent")) {
                return new Step.Frame(0, true, false, true, new byte[0]);
            }
            if (!type.equals("TextEvent")) {
                throw new IllegalArgumentException("event type '" + type + "' is not TextEvent or CloseStreamEvent");
            }
            try {
                JsonNode body = JSON.readTree(event.payload());
                JsonNode text = body.get("Text");
                if (text == null || !text.isString()) {
                    throw new IllegalArgumentException("the TextEvent has no 'Text' member");
                }
                JsonNode flush = body.get("FlushStreamConfiguration");
                boolean force = flush != null
                        && flush.has("Force")
                        && flush.get("Force").asBoolean(false);
                return new Step.Frame(0, true, true, force, text.asString().getBytes(StandardCharsets.UTF_8));
            } catch (JacksonException e) {
                throw new IllegalArgumentException("the TextEvent is not JSON: " + e.getOriginalMessage(), e);
            }
        }

        @Override
        boolean closesInput(Step.Frame frame) {
            return !frame.utf8() && frame.payload().length == 0;
        }

        @Override
        EventStreamMessage encode(Step.Frame frame) {
            // Audio is the AudioEvent's payload; the one UTF-8 response is the StreamClosedEvent's JSON body.
            return frame.utf8()
                    ? EventStreamMessage.event("StreamClosedEvent", "application/json", frame.payload())
                    : EventStreamMessage.event("AudioEvent", "application/octet-stream", frame.payload());
        }

        @Override
        void diverged(StreamContext context, String message) {
            // Polly reports input it cannot take (bad SSML, a bad event) as an in-stream ValidationException.
            context.failWithException("ValidationException", AwsErrors.jsonBytes(Map.of("message", message)));
        }

        @Override
        void fail(StreamContext context, RecordedCassette.Error error) {
            String type = error.awsErrorType();
            if (type == null) {
                context.reset();
                return;
            }
            context.failWithException(type, AwsErrors.jsonBytes(Map.of("message", error.message())));
        }

        @Override
        Map<String, String> responseHeaders(@Nullable String invokedVariant) {
            return Map.of();
        }
    };

    /** The error code of a diverging request's SageMaker {@code ModelStreamError}. */
    static final String DIVERGED = "CassetteMismatch";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ORIGINAL_STATUS = Pattern.compile("^ModelStreamErrorException\\((\\d+)\\)$");

    /** The operation of a cassette's {@code service}. */
    static ReplayProtocol of(String service) {
        return valueOf(service.toUpperCase(Locale.ROOT));
    }

    /** A request event as a frame; {@link IllegalArgumentException} when it is not one. */
    abstract Step.Frame decode(EventStreamMessage event);

    /**
     * Whether a request frame ends the client's input (Polly's {@code CloseStreamEvent}). A client SDK may send one
     * when its requests complete, where the recorder saw only the half-close.
     */
    boolean closesInput(Step.Frame frame) {
        return false;
    }

    /** A recorded response frame as the event the service sent. */
    abstract EventStreamMessage encode(Step.Frame frame);

    /** Fails the stream because a request differs from the recording. */
    abstract void diverged(StreamContext context, String message);

    /** Ends the stream the way the recorded one failed. */
    abstract void fail(StreamContext context, RecordedCassette.Error error);

    /** The response headers of an answered stream. */
    abstract Map<String, String> responseHeaders(@Nullable String invokedVariant);

    /** The refusal of a stream the service refused, in AWS's restJson error shape. */
    OpenDecision.Reject refuse(RecordedCassette.Error error) {
        String type = error.awsErrorType() != null ? error.awsErrorType() : "InternalServerException";
        int status = error.status() != null ? error.status() : AwsErrors.httpStatus(type);
        return new OpenDecision.Reject(status, type, AwsErrors.json(Map.of("message", error.message())));
    }
}
