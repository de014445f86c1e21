package io.github.awsbidi.realtime.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A conversation item ({@code realtime.item}): a {@code message} with its content parts, a {@code function_call} or a
 * {@code function_call_output}. Fields that do not belong to the item's type are left out of its JSON.
 *
 * @param id the item's id
 * @param type {@code message}, {@code function_call} or {@code function_call_output}
 * @param object always {@code realtime.item}
 * @param status {@code in_progress}, {@code completed} or {@code incomplete}
 * @param role {@code user}, {@code assistant} or {@code system} (messages)
 * @param content the message's parts
 * @param callId the call (function items)
 * @param name the function's name (function_call)
 * @param arguments the call's arguments as JSON text (function_call)
 * @param output the function's result (function_call_output)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Item(
        String id,
        String type,
        String object,
        String status,
        @Nullable String role,
        @Nullable List<Content> content,
        @Nullable String callId,
        @Nullable String name,
        @Nullable String arguments,
        @Nullable String output) {

    /** A message item. */
    public static Item message(String id, String status, String role, List<Content> content) {
        return new Item(id, "message", "realtime.item", status, role, List.copyOf(content), null, null, null, null);
    }

    /** A function_call item. */
    public static Item functionCall(String id, String status, String callId, String name, String arguments) {
        return new Item(id, "function_call", "realtime.item", status, null, null, callId, name, arguments, null);
    }

    /** A function_call_output item. */
    public static Item functionCallOutput(String id, String callId, String output) {
        return new Item(
                id, "function_call_output", "realtime.item", "completed", null, null, callId, null, null, output);
    }

    /**
     * A content part of a message item: {@code input_text}, {@code input_audio} (with its transcript),
     * {@code output_audio} (with its transcript) or {@code output_text}.
     *
     * @param type the part's type
     * @param text the text ({@code input_text}, {@code output_text})
     * @param transcript the transcript ({@code input_audio}, {@code output_audio}); null when not known yet
     */
    public record Content(
            String type, @Nullable String text, @Nullable String transcript) {

        /**
         * The part's JSON: text parts carry {@code text}, audio parts carry {@code transcript}, null until known
         * (present as null, as clients such as the Agents SDK require).
         */
        @JsonValue
        public Map<String, @Nullable Object> json() {
            Map<String, @Nullable Object> json = new LinkedHashMap<>();
            json.put("type", type);
            if (type.endsWith("_audio")) {
                json.put("transcript", transcript);
            } else {
                json.put("text", text);
            }
            return json;
        }

        /** {@code input_text}. */
        public static Content inputText(String text) {
            return new Content("input_text", text, null);
        }

        /** {@code input_audio} with its transcript (null until known). */
        public static Content inputAudio(@Nullable String transcript) {
            return new Content("input_audio", null, transcript);
        }

        /** {@code output_audio} with its transcript. */
        public static Content outputAudio(String transcript) {
            return new Content("output_audio", null, transcript);
        }

        /** {@code output_text}. */
        public static Content outputText(String text) {
            return new Content("output_text", text, null);
        }
    }
}
