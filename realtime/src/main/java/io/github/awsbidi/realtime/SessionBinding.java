package io.github.awsbidi.realtime;

import io.github.awsbidi.realtime.protocol.FunctionTool;
import io.github.awsbidi.realtime.protocol.RealtimeJson;
import io.github.awsbidi.realtime.protocol.SessionPatch;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a client secret binds of the session configuration it was issued for: a digest of each field that decides what
 * the assistant is told and may do, {@code instructions}, {@code tools} and {@code tool_choice}. The secret is far too
 * small to carry those (a browser sends it in a header), so the client sends them itself with {@code session.update},
 * and a session opened with the secret runs only with values whose digests match, on whichever instance of a fleet
 * it lands. Voice, audio formats, turn detection and the rest stay the client's choice: they are the device's and
 * the user's, and change nothing of what the assistant knows or can do.
 *
 * <p>Each field is compared on its own, so a refusal names the field. Tools are compared as the façade reads them
 * (name, description, parameter schema with object keys in any order); an absent {@code tools} is no tools, an absent
 * {@code tool_choice} is {@code auto}, and absent {@code instructions} bind the server's own instructions: the client
 * may not set any.
 *
 * @param instructions the digest of the instructions, or {@value #SERVER_INSTRUCTIONS} for the server's own
 * @param tools the digest of the function tools
 * @param toolChoice the digest of the tool choice
 */
public record SessionBinding(String instructions, String tools, String toolChoice) {

    /** The instructions digest standing for "the server's own instructions, none from the client". */
    public static final String SERVER_INSTRUCTIONS = "-";

    private static final String VERSION = "v1";

    /** Digests are SHA-256 cut to 128 bits: collisions would need 2^64 tries, second preimages 2^128. */
    private static final int DIGEST_BYTES = 16;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    public SessionBinding {
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(toolChoice, "toolChoice");
    }

    /** The binding of a session configuration as {@code session.update} (or a client-secret request) carries it. */
    public static SessionBinding of(SessionPatch session) {
        return of(session.instructions(), session.tools(), session.toolChoice());
    }

    /**
     * The binding of these values.
     *
     * @param instructions null for the server's own
     * @param tools null for none
     * @param toolChoice null for {@code auto}
     */
    public static SessionBinding of(
            @Nullable String instructions, @Nullable List<FunctionTool> tools, @Nullable String toolChoice) {
        return new SessionBinding(
                instructions == null ? SERVER_INSTRUCTIONS : instructionsDigest(instructions),
                toolsDigest(tools),
                toolChoiceDigest(toolChoice));
    }

    /**
     * Reads {@link #digest()}'s text back.
     *
     * @throws IllegalArgumentException for text that is not a binding
     */
    public static SessionBinding parse(String digest) {
        String[] parts = digest.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw new IllegalArgumentException("not a session binding");
        }
        for (int i = 1; i < 4; i++) {
            boolean serverInstructions = i == 1 && parts[i].equals(SERVER_INSTRUCTIONS);
            if (!serverInstructions && !parts[i].matches("[A-Za-z0-9_-]{22}")) {
                throw new IllegalArgumentException("not a session binding");
            }
        }
        return new SessionBinding(parts[1], parts[2], parts[3]);
    }

    /** The text a client secret signs: about 75 characters, whatever the size of the configuration. */
    public String digest() {
        return String.join(".", VERSION, instructions, tools, toolChoice);
    }

    /**
     * The first field a {@code session.update} sets to a value other than the bound one, as the protocol names it
     * ({@code session.instructions}, {@code session.tools}, {@code session.tool_choice}); null when every field it sets
     * is as bound (fields it leaves out are not looked at).
     */
    public @Nullable String refusedField(SessionPatch update) {
        if (update.instructions() != null && !instructions.equals(instructionsDigest(update.instructions()))) {
            return "session.instructions";
        }
        if (update.tools() != null && !tools.equals(toolsDigest(update.tools()))) {
            return "session.tools";
        }
        if (update.toolChoice() != null && !toolChoice.equals(toolChoiceDigest(update.toolChoice()))) {
            return "session.tool_choice";
        }
        return null;
    }

    /**
     * The first field of a session's configuration that is not as bound; null when the session may run.
     *
     * @param clientInstructions the instructions the client set, null when it set none (the server's own apply)
     * @param tools the client's function tools
     * @param toolChoice the tool choice
     */
    public @Nullable String unmetField(
            @Nullable String clientInstructions, List<FunctionTool> tools, String toolChoice) {
        String wanted = clientInstructions == null ? SERVER_INSTRUCTIONS : instructionsDigest(clientInstructions);
        if (!instructions.equals(wanted)) {
            return "session.instructions";
        }
        if (!this.tools.equals(toolsDigest(tools))) {
            return "session.tools";
        }
        if (!this.toolChoice.equals(toolChoiceDigest(toolChoice))) {
            return "session.tool_choice";
        }
        return null;
    }

    private static String instructionsDigest(String instructions) {
        return digestOf(instructions);
    }

    private static String toolsDigest(@Nullable List<FunctionTool> tools) {
        ArrayNode canonical = RealtimeJson.MAPPER.createArrayNode();
        for (FunctionTool tool : tools == null ? List.<FunctionTool>of() : tools) {
            ObjectNode node = RealtimeJson.MAPPER.createObjectNode();
            node.put("description", tool.description());
            node.put("name", tool.name());
            node.set("parameters", canonical(tool.parameters()));
            canonical.add(node);
        }
        return digestOf(RealtimeJson.MAPPER.writeValueAsString(canonical));
    }

    private static String toolChoiceDigest(@Nullable String toolChoice) {
        return digestOf(toolChoice == null ? "auto" : toolChoice);
    }

    /** The same JSON with every object's keys in sorted order, so that key order makes no difference. */
    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            entries.sort(Map.Entry.comparingByKey());
            ObjectNode sorted = RealtimeJson.MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> entry : entries) {
                sorted.set(entry.getKey(), canonical(entry.getValue()));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = RealtimeJson.MAPPER.createArrayNode();
            for (JsonNode element : node) {
                array.add(canonical(element));
            }
            return array;
        }
        return node;
    }

    private static String digestOf(String text) {
        try {
            byte[] full = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(Arrays.copyOf(full, DIGEST_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
