package io.github.awsbidi.core.record;

import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.listener.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One recorded exchange, and its file format: JSON lines, UTF-8, one JSON object per line.
 * <p>
 * The first line is the header:
 * <pre>{@code
 * {"format":"aws-bidi-cassette","version":1,"service":"sagemaker","region":"eu-west-1","resource":"my-asr",
 *  "variant":"variant-1","modelInvocationPath":"v1/listen","modelQueryString":"language=en",
 *  "session":"transcriber","recordedAt":"2026-11-30T15:00:00Z"}
 * }</pre>
 * {@code service} is {@code sagemaker} or {@code bedrock}; {@code resource} the endpoint name or model id;
 * {@code variant}, {@code modelInvocationPath} and {@code modelQueryString} are the request's SageMaker headers and
 * are left out when absent (always for Bedrock). Every further line is an event with {@code atMicros}, microseconds
 * since the exchange started, and an {@code event}:
 * <ul>
 * <li>{@code "answered"}: the service answered with its headers; {@code invokedVariant} for SageMaker.</li>
 * <li>{@code "request"} / {@code "response"}: a frame sent / received, with {@code dataType} ({@code UTF8} or
 * {@code BINARY}), {@code completion} ({@code COMPLETE} or {@code PARTIAL}), {@code size} (payload bytes) and
 * {@code payload} (the bytes, standard base64). A Bedrock frame's payload is the chunk's bytes (the model's JSON
 * event), not the base64 wrapper the wire carries.</li>
 * <li>{@code "requestsCompleted"}: the client half-closed its side.</li>
 * <li>{@code "end"}: always last; {@code outcome} is {@code completed}, {@code cancelled} or {@code error}, and an
 * error carries {@code error}: {@code {"kind","retryable","code","awsErrorType","status","message"}} (absent members
 * left out).</li>
 * </ul>
 * Readers ignore members they do not know, so later versions may add some. Never recorded: credentials,
 * signatures, request ids, or any header other than the target's.
 *
 * @param target the service, region, endpoint or model and variant
 * @param modelInvocationPath SageMaker's model invocation path, or {@code null}
 * @param modelQueryString SageMaker's model query string, or {@code null}
 * @param session the session's name
 * @param recordedAt when the exchange started
 * @param events what happened, in order
 */
public record Cassette(
        Target target,
        @Nullable String modelInvocationPath,
        @Nullable String modelQueryString,
        String session,
        Instant recordedAt,
        List<CassetteEvent> events) {

    /** The {@code format} member of every cassette's header. */
    public static final String FORMAT = "aws-bidi-cassette";
    /** The version this library writes. */
    public static final int VERSION = 1;

    public Cassette {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(recordedAt, "recordedAt");
        events = List.copyOf(events);
    }

    /** The request frames, in order. */
    public List<Frame> requests() {
        return events.stream()
                .filter(CassetteEvent.Request.class::isInstance)
                .map(event -> ((CassetteEvent.Request) event).frame())
                .toList();
    }

    /** The response frames, in order. */
    public List<Frame> responses() {
        return events.stream()
                .filter(CassetteEvent.Response.class::isInstance)
                .map(event -> ((CassetteEvent.Response) event).frame())
                .toList();
    }

    /** The final event, if the recording reached it. */
    public CassetteEvent.@Nullable End end() {
        return events.isEmpty() || !(events.get(events.size() - 1) instanceof CassetteEvent.End end) ? null : end;
    }

    /** This cassette as JSON lines, each ended by {@code \n}. */
    public String toJsonLines() {
        StringBuilder out = new StringBuilder(256);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("version", VERSION);
        header.put("service", target.service().tag());
        header.put("region", target.region());
        header.put("resource", target.resource());
        header.put("variant", target.variant());
        header.put("modelInvocationPath", modelInvocationPath);
        header.put("modelQueryString", modelQueryString);
        header.put("session", session);
        header.put("recordedAt", recordedAt.toString());
        out.append(CassetteJson.object(header)).append('\n');
        for (CassetteEvent event : events) {
            out.append(CassetteJson.object(line(event))).append('\n');
        }
        return out.toString();
    }

    private static Map<String, Object> line(CassetteEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("atMicros", event.atMicros());
        if (event instanceof CassetteEvent.Answered answered) {
            line.put("event", "answered");
            line.put("invokedVariant", answered.invokedVariant());
        } else if (event instanceof CassetteEvent.Request request) {
            frame(line, "request", request.frame());
        } else if (event instanceof CassetteEvent.Response response) {
            frame(line, "response", response.frame());
        } else if (event instanceof CassetteEvent.RequestsCompleted) {
            line.put("event", "requestsCompleted");
        } else if (event instanceof CassetteEvent.End end) {
            line.put("event", "end");
            line.put("outcome", end.outcome().tag());
            RecordedError error = end.error();
            if (error != null) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("kind", error.kind().name());
                fields.put("retryable", error.retryable());
                fields.put("code", error.errorCode());
                fields.put("awsErrorType", error.awsErrorType());
                fields.put("status", error.statusCode());
                fields.put("message", error.message());
                line.put("error", fields);
            }
        }
        return line;
    }

    private static void frame(Map<String, Object> line, String kind, Frame frame) {
        line.put("event", kind);
        line.put("dataType", frame.type().name());
        line.put("completion", frame.last() ? "COMPLETE" : "PARTIAL");
        line.put("size", frame.size());
        line.put("payload", Base64.getEncoder().encodeToString(frame.toByteArray()));
    }

    /** Writes this cassette to {@code file} (replacing it). */
    public void write(Path file) {
        try {
            Files.writeString(file, toJsonLines(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write cassette " + file, e);
        }
    }

    /** Reads a cassette file. */
    public static Cassette read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cassette " + file, e);
        }
    }

    /**
     * Parses cassette JSON lines; {@code where} names the source in errors, which say the line and member at fault.
     */
    public static Cassette parse(String jsonLines, String where) {
        List<String> lines = jsonLines.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(where + ": empty cassette");
        }
        Map<String, Object> header = CassetteJson.parseObject(lines.get(0), where + " line 1");
        Fields h = new Fields(header, where + " line 1");
        if (!FORMAT.equals(h.string("format"))) {
            throw new IllegalArgumentException(where + " line 1: format must be '" + FORMAT + "'");
        }
        long version = h.number("version");
        if (version != VERSION) {
            throw new IllegalArgumentException(
                    where + " line 1: version " + version + " is not supported (only " + VERSION + ")");
        }
        Target.Service service = switch (h.string("service")) {
            case "sagemaker" -> Target.Service.SAGEMAKER;
            case "bedrock" -> Target.Service.BEDROCK;
            case "polly" -> Target.Service.POLLY;
            default -> throw h.invalid("service", "must be sagemaker, bedrock or polly");
        };
        Target target = new Target(service, h.string("region"), h.string("resource"), h.optionalString("variant"));
        Instant recordedAt;
        try {
            recordedAt = Instant.parse(h.string("recordedAt"));
        } catch (DateTimeParseException e) {
            throw h.invalid("recordedAt", "is not an ISO-8601 instant");
        }
        List<CassetteEvent> events = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String at = where + " line " + (i + 1);
            events.add(event(new Fields(CassetteJson.parseObject(lines.get(i), at), at)));
        }
        return new Cassette(
                target,
                h.optionalString("modelInvocationPath"),
                h.optionalString("modelQueryString"),
                h.string("session"),
                recordedAt,
                events);
    }

    private static CassetteEvent event(Fields line) {
        long at = line.number("atMicros");
        return switch (line.string("event")) {
            case "answered" -> new CassetteEvent.Answered(at, line.optionalString("invokedVariant"));
            case "request" -> new CassetteEvent.Request(at, frame(line));
            case "response" -> new CassetteEvent.Response(at, frame(line));
            case "requestsCompleted" -> new CassetteEvent.RequestsCompleted(at);
            case "end" -> end(line, at);
            default -> throw line.invalid("event", "must be answered, request, response, requestsCompleted or end");
        };
    }

    private static CassetteEvent.End end(Fields line, long at) {
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(line.string("outcome").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw line.invalid("outcome", "must be completed, cancelled or error");
        }
        RecordedError error = null;
        Object errorObject = line.members.get("error");
        if (errorObject != null) {
            if (!(errorObject instanceof Map<?, ?>)) {
                throw line.invalid("error", "must be an object");
            }
            @SuppressWarnings("unchecked")
            Fields e = new Fields((Map<String, Object>) errorObject, line.where + " error");
            ErrorKind kind;
            try {
                kind = ErrorKind.valueOf(e.string("kind"));
            } catch (IllegalArgumentException ex) {
                throw e.invalid("kind", "is not an ErrorKind");
            }
            Object status = e.members.get("status");
            error = new RecordedError(
                    kind,
                    Boolean.TRUE.equals(e.members.get("retryable")),
                    e.optionalString("code"),
                    e.optionalString("awsErrorType"),
                    status == null ? null : (int) e.number("status"),
                    e.string("message"));
        }
        return new CassetteEvent.End(at, outcome, error);
    }

    private static Frame frame(Fields line) {
        DataType type;
        try {
            type = DataType.valueOf(line.string("dataType"));
        } catch (IllegalArgumentException e) {
            throw line.invalid("dataType", "must be UTF8 or BINARY");
        }
        boolean last = switch (line.string("completion")) {
            case "COMPLETE" -> true;
            case "PARTIAL" -> false;
            default -> throw line.invalid("completion", "must be COMPLETE or PARTIAL");
        };
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(line.string("payload"));
        } catch (IllegalArgumentException e) {
            throw line.invalid("payload", "is not base64");
        }
        if (line.members.containsKey("size") && line.number("size") != payload.length) {
            throw line.invalid(
                    "size", "is " + line.number("size") + " but the payload has " + payload.length + " bytes");
        }
        return new Frame(ByteBuffer.wrap(payload), type, last, null);
    }

    /** One line's members, with errors that name the line and the member. */
    private record Fields(Map<String, Object> members, String where) {

        String string(String name) {
            Object value = members.get(name);
            if (value == null) {
                throw invalid(name, "is required");
            }
            if (!(value instanceof String text)) {
                throw invalid(name, "must be a string");
            }
            return text;
        }

        @Nullable
        String optionalString(String name) {
            return members.containsKey(name) ? string(name) : null;
        }

        long number(String name) {
            Object value = members.get(name);
            if (value == null) {
                throw invalid(name, "is required");
            }
            if (!(value instanceof Long number)) {
                throw invalid(name, "must be an integer");
            }
            return number;
        }

        IllegalArgumentException invalid(String name, String problem) {
            return new IllegalArgumentException(where + ": '" + name + "' " + problem);
        }
    }
}
