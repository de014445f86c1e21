package io.github.awsbidi.emulator.novasonic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Records what a simulator emits; read from the test thread. */
final class CollectingSink implements NovaSonicSink {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One output event: its name and body. */
    record Event(String name, JsonNode body) {

        String text(String field) {
            return body.path(field).asString();
        }
    }

    /** How the stream ended. */
    record Ending(
            String kind,
            @Nullable String exceptionType,
            @Nullable String message) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();

    private final List<String> callsAfterEnd = new CopyOnWriteArrayList<>();

    private volatile @Nullable Ending ending;

    private volatile Consumer<Event> onEmit = event -> {};

    void onEmit(Consumer<Event> hook) {
        this.onEmit = hook;
    }

    @Override
    public void emit(String eventJson) {
        if (ending != null) {
            callsAfterEnd.add("emit " + eventJson);
            return;
        }
        JsonNode root = JSON.readTree(eventJson);
        JsonNode event = root.get("event");
        String name = event.propertyNames().iterator().next();
        Event parsed = new Event(name, event.get(name));
        events.add(parsed);
        onEmit.accept(parsed);
    }

    @Override
    public void fail(String exceptionType, String message) {
        if (ending != null) {
            callsAfterEnd.add("fail " + exceptionType);
            return;
        }
        ending = new Ending("fail", exceptionType, message);
    }

    @Override
    public void complete() {
        if (ending != null) {
            callsAfterEnd.add("complete");
            return;
        }
        ending = new Ending("complete", null, null);
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<Event> events(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    List<String> names() {
        return events.stream().map(Event::name).toList();
    }

    String describe() {
        return String.join(", ", summary());
    }

    /**
     * One line per event with the fields that give a turn its shape; runs of {@code audioOutput}
     * collapse into one {@code audioOutput*} line.
     */
    List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (Event event : events) {
            String line = summarize(event);
            if (line.equals("audioOutput*")
                    && !lines.isEmpty()
                    && lines.get(lines.size() - 1).equals(line)) {
                continue;
            }
            lines.add(line);
        }
        return lines;
    }

    private static String summarize(Event event) {
        JsonNode body = event.body();
        return switch (event.name()) {
            case "contentStart" -> {
                String line = "contentStart " + body.path("type").asString() + " "
                        + body.path("role").asString();
                JsonNode fields = body.get("additionalModelFields");
                yield fields == null
                        ? line
                        : line + " "
                                + JSON.readTree(fields.stringValue())
                                        .path("generationStage")
                                        .asString();
            }
            case "textOutput" ->
                "textOutput " + body.path("role").asString() + ": "
                        + body.path("content").asString();
            case "audioOutput" -> "audioOutput*";
            case "contentEnd" ->
                "contentEnd " + body.path("type").asString() + " "
                        + body.path("stopReason").asString();
            case "toolUse" ->
                "toolUse " + body.path("toolName").asString() + " "
                        + body.path("content").asString();
            case "completionEnd" -> "completionEnd " + body.path("stopReason").asString();
            default -> event.name();
        };
    }

    @Nullable
    Ending ending() {
        return ending;
    }

    List<String> callsAfterEnd() {
        return List.copyOf(callsAfterEnd);
    }
}
