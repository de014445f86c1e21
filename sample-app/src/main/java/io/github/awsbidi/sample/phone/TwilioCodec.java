package io.github.awsbidi.sample.phone;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes {@link TwilioMessage}s; numbers Twilio sends as strings are read either way. */
final class TwilioCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TwilioCodec() {}

    /**
     * The message of one WebSocket text frame.
     *
     * @throws IllegalArgumentException for JSON that is not a Twilio message this bridge knows, naming the field
     */
    static TwilioMessage.Inbound read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Twilio message is not JSON: " + e.getOriginalMessage(), e);
        }
        String event = text(root, "event");
        return switch (event) {
            case "connected" ->
                new TwilioMessage.Connected(
                        text(root, "protocol"), root.path("version").asString(""));
            case "start" -> start(root);
            case "media" -> {
                JsonNode media = object(root, "media");
                yield new TwilioMessage.Media(
                        text(root, "streamSid"),
                        media.path("track").asString("inbound"),
                        number(media, "media.chunk"),
                        number(media, "media.timestamp"),
                        base64(media, "media.payload"));
            }
            case "dtmf" -> {
                JsonNode dtmf = object(root, "dtmf");
                yield new TwilioMessage.Dtmf(
                        text(root, "streamSid"),
                        dtmf.path("track").asString("inbound_track"),
                        text(dtmf, "dtmf.digit"));
            }
            case "mark" -> new TwilioMessage.Mark(text(root, "streamSid"), text(object(root, "mark"), "mark.name"));
            case "stop" -> {
                JsonNode stop = root.path("stop");
                yield new TwilioMessage.Stop(
                        text(root, "streamSid"),
                        stop.path("accountSid").asString(""),
                        stop.path("callSid").asString(""));
            }
            default ->
                throw new IllegalArgumentException("Twilio message field 'event' must be connected, start, "
                        + "media, dtmf, mark or stop, was '" + event + "'");
        };
    }

    /** The JSON text of a message to Twilio. */
    static String write(TwilioMessage.Outbound message) {
        ObjectNode root = JSON.createObjectNode();
        if (message instanceof TwilioMessage.OutboundMedia media) {
            root.put("event", "media").put("streamSid", media.streamSid());
            root.putObject("media").put("payload", Base64.getEncoder().encodeToString(media.payload()));
        } else if (message instanceof TwilioMessage.OutboundMark mark) {
            root.put("event", "mark").put("streamSid", mark.streamSid());
            root.putObject("mark").put("name", mark.name());
        } else {
            root.put("event", "clear").put("streamSid", message.streamSid());
        }
        return JSON.writeValueAsString(root);
    }

    private static TwilioMessage.Start start(JsonNode root) {
        JsonNode start = object(root, "start");
        List<String> tracks = new ArrayList<>();
        start.path("tracks").forEach(track -> tracks.add(track.asString()));
        JsonNode format = object(start, "start.mediaFormat");
        Map<String, String> parameters = new LinkedHashMap<>();
        start.path("customParameters")
                .properties()
                .forEach(
                        entry -> parameters.put(entry.getKey(), entry.getValue().asString()));
        return new TwilioMessage.Start(
                text(start, "start.streamSid"),
                start.path("accountSid").asString(""),
                text(start, "start.callSid"),
                tracks,
                new TwilioMessage.MediaFormat(
                        text(format, "start.mediaFormat.encoding"),
                        (int) number(format, "start.mediaFormat.sampleRate"),
                        (int) number(format, "start.mediaFormat.channels")),
                parameters);
    }

    /**
     * The text at {@code field} of {@code node}; {@code field} is the path from the message's root (such as
     * {@code start.mediaFormat.encoding}), so that an error names the field the way Twilio's documentation does.
     */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(name(field));
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw new IllegalArgumentException("Twilio message field '" + field + "' is missing");
        }
        return value.asString();
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(name(field));
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("Twilio message field '" + field + "' must be an object");
        }
        return value;
    }

    private static long number(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Twilio message field '" + field + "' must be a number, was '" + value + "'", e);
        }
    }

    private static byte[] base64(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Twilio message field '" + field + "' must be base64", e);
        }
    }

    /** The last name of a path: what to look up in the node that holds it. */
    private static String name(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }
}
