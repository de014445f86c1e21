package io.github.awsbidi.sample.voice;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the transcriber model's answers, shaped like Deepgram's streaming API (what the emulator's
 * {@code transcribe-sim} speaks and what Deepgram's SageMaker models send): {@code Results} with {@code is_final}
 * and {@code channel.alternatives[0].transcript}, {@code Error} with a {@code message}. Other messages (metadata)
 * are not shown.
 */
final class TranscriberResults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TranscriberResults() {}

    static Optional<PageMessage> read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (RuntimeException ex) {
            return Optional.of(new PageMessage.Error("MODEL", "the transcriber sent something other than JSON"));
        }
        String type = root.path("type").asString("");
        if ("Results".equals(type)) {
            String transcript = root.path("channel")
                    .path("alternatives")
                    .path(0)
                    .path("transcript")
                    .asString("");
            return Optional.of(new PageMessage.Result(!root.path("is_final").asBoolean(false), transcript));
        }
        if ("Error".equals(type)) {
            return Optional.of(
                    new PageMessage.Error("MODEL", root.path("message").asString("(no message)")));
        }
        return Optional.empty();
    }
}
