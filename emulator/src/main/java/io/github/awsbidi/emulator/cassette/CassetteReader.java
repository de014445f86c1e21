package io.github.awsbidi.emulator.cassette;

import io.github.awsbidi.emulator.cassette.RecordedCassette.Step;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the cassette format (JSON lines: a header, then one event per line; documented in docs/testing.md) on the
 * emulator's own: it shares no code with the recorder, so a bug on one side shows up as a failing replay.
 * Unknown members are ignored; missing or mistyped ones fail naming the file, line and member.
 */
final class CassetteReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CassetteReader() {}

    static RecordedCassette read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cassette " + file, e);
        }
        return parse(text, file.toString());
    }

    static RecordedCassette parse(String text, String source) {
        List<String> lines = text.lines().toList();
        int headerLine = -1;
        for (int i = 0; i < lines.size() && headerLine < 0; i++) {
            if (!lines.get(i).isBlank()) {
                headerLine = i;
            }
        }
        if (headerLine < 0) {
            throw new IllegalArgumentException("cassette " + source + " is empty");
        }
        Line header = line(lines.get(headerLine), source, headerLine + 1);
        if (!"aws-bidi-cassette".equals(header.text("format"))) {
            throw header.invalid("format", "must be 'aws-bidi-cassette'");
        }
        if (header.number("version") != 1) {
            throw header.invalid("version", "must be 1 (the only version this emulator reads)");
        }
        String service = header.text("service");
        if (!service.equals("sagemaker") && !service.equals("bedrock") && !service.equals("polly")) {
            throw header.invalid("service", "must be sagemaker, bedrock or polly");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                steps.add(step(line(lines.get(i), source, i + 1)));
            }
        }
        return new RecordedCassette(
                source,
                service,
                header.text("resource"),
                header.optionalText("variant"),
                header.optionalText("modelInvocationPath"),
                header.optionalText("modelQueryString"),
                steps);
    }

    private static Step step(Line line) {
        long at = line.number("atMicros");
        String event = line.text("event");
        return switch (event) {
            case "answered" -> new Step.Answered(at, line.optionalText("invokedVariant"));
            case "request", "response" -> frame(line, at, event.equals("request"));
            case "requestsCompleted" -> new Step.RequestsCompleted(at);
            case "end" -> end(line, at);
            default -> throw line.invalid("event", "must be answered, request, response, requestsCompleted or end");
        };
    }

    private static Step.Frame frame(Line line, long at, boolean request) {
        String dataType = line.text("dataType");
        if (!dataType.equals("UTF8") && !dataType.equals("BINARY")) {
            throw line.invalid("dataType", "must be UTF8 or BINARY");
        }
        String completion = line.text("completion");
        if (!completion.equals("COMPLETE") && !completion.equals("PARTIAL")) {
            throw line.invalid("completion", "must be COMPLETE or PARTIAL");
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(line.text("payload"));
        } catch (IllegalArgumentException e) {
            throw line.invalid("payload", "is not base64");
        }
        if (line.node.has("size") && line.number("size") != payload.length) {
            throw line.invalid(
                    "size", "says " + line.number("size") + " but the payload has " + payload.length + " bytes");
        }
        return new Step.Frame(at, request, dataType.equals("UTF8"), completion.equals("COMPLETE"), payload);
    }

    private static Step.End end(Line line, long at) {
        String outcome = line.text("outcome");
        if (!outcome.equals("completed") && !outcome.equals("cancelled") && !outcome.equals("error")) {
            throw line.invalid("outcome", "must be completed, cancelled or error");
        }
        JsonNode error = line.node.get("error");
        if (!outcome.equals("error")) {
            return new Step.End(at, outcome, null);
        }
        if (error == null || !error.isObject()) {
            throw line.invalid("error", "is required (an object) when the outcome is error");
        }
        Line e = new Line(error, line.source, line.number);
        Integer status = error.has("status") && !error.get("status").isNull() ? (int) e.number("status") : null;
        return new Step.End(
                at,
                outcome,
                new RecordedCassette.Error(
                        e.text("kind"),
                        e.optionalText("code"),
                        e.optionalText("awsErrorType"),
                        status,
                        e.text("message")));
    }

    private static Line line(String text, String source, int number) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("cassette " + source + " line " + number + " is not a JSON object");
            }
            return new Line(node, source, number);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "cassette " + source + " line " + number + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** One JSON object of a cassette, with errors that name where it came from. */
    private record Line(JsonNode node, String source, int number) {

        String text(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw invalid(name, "is required");
            }
            if (!value.isString()) {
                throw invalid(name, "must be a string");
            }
            return value.asString();
        }

        @Nullable
        String optionalText(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : text(name);
        }

        long number(String name) {
            JsonNode value = node.get(name);
            if (value == null || !value.isIntegralNumber()) {
                throw invalid(name, value == null ? "is required" : "must be an integer");
            }
            return value.asLong();
        }

        IllegalArgumentException invalid(String name, String problem) {
            return new IllegalArgumentException(
                    "cassette " + source + " line " + number + ": '" + name + "' " + problem);
        }
    }
}
