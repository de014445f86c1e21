package io.github.awsbidi.realtime.protocol;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A response ({@code realtime.response}), as carried by {@code response.created} and {@code response.done}.
 *
 * @param id the response's id
 * @param object always {@code realtime.response}
 * @param status {@code in_progress}, {@code completed}, {@code cancelled}, {@code incomplete} or {@code failed}
 * @param statusDetails why it ended so, for the last four
 * @param output its items
 * @param conversationId the conversation it belongs to
 * @param outputModalities {@code ["audio"]} or {@code ["text"]}
 * @param maxOutputTokens a number or {@code inf}
 * @param audio its output format and voice
 * @param usage tokens, once done
 * @param metadata always null
 */
public record Response(
        String id,
        String object,
        String status,
        @Nullable StatusDetails statusDetails,
        List<Item> output,
        String conversationId,
        List<String> outputModalities,
        Object maxOutputTokens,
        ResponseAudio audio,
        @Nullable Usage usage,
        @Nullable Object metadata) {

    /**
     * Why a response ended as it did.
     *
     * @param type {@code completed}, {@code cancelled}, {@code incomplete} or {@code failed}
     * @param reason {@code turn_detected}, {@code client_cancelled}, {@code max_output_tokens}, …
     * @param error what failed
     */
    public record StatusDetails(
            String type, @Nullable String reason, @Nullable ErrorDetail error) {}

    /** {@code audio.output} of a response. */
    public record ResponseAudio(Output output) {

        /** Format and voice. */
        public record Output(AudioFormat format, String voice) {}
    }

    /**
     * Tokens of a response, from Nova Sonic's usage events.
     *
     * @param totalTokens input plus output
     * @param inputTokens speech and text in
     * @param outputTokens speech and text out
     * @param inputTokenDetails in, by kind
     * @param outputTokenDetails out, by kind
     */
    public record Usage(
            long totalTokens,
            long inputTokens,
            long outputTokens,
            InputTokenDetails inputTokenDetails,
            OutputTokenDetails outputTokenDetails) {

        /** Input tokens by kind; Nova Sonic reports no cached tokens. */
        public record InputTokenDetails(long textTokens, long audioTokens, long cachedTokens) {}

        /** Output tokens by kind. */
        public record OutputTokenDetails(long textTokens, long audioTokens) {}

        /** Usage from speech and text counts. */
        public static Usage of(long inputText, long inputAudio, long outputText, long outputAudio) {
            long in = inputText + inputAudio;
            long out = outputText + outputAudio;
            return new Usage(
                    in + out,
                    in,
                    out,
                    new InputTokenDetails(inputText, inputAudio, 0),
                    new OutputTokenDetails(outputText, outputAudio));
        }
    }
}
