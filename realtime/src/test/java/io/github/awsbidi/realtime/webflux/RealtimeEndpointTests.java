package io.github.awsbidi.realtime.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The endpoint driven by a real WebSocket client (Reactor Netty) against the scripted Nova Sonic in the emulator:
 * spoken, text and manually committed turns, cancel, a tool round trip and refused events, each event checked against
 * the GA protocol's shapes (openai-python {@code types/realtime}).
 */
class RealtimeEndpointTests {

    private RealtimeFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void sessionCreatedDescribesTheSessionInGaShape() {
        fixture = new RealtimeFixture();
        try (RealtimeTestClient client = fixture.connect()) {
            JsonNode created = client.next("session.created");
            assertThat(created.path("event_id").asString()).startsWith("event_");
            JsonNode session = created.path("session");
            assertThat(session.path("type").asString()).isEqualTo("realtime");
            assertThat(session.path("object").asString()).isEqualTo("realtime.session");
            assertThat(session.path("id").asString()).startsWith("sess_");
            assertThat(session.path("model").asString()).isEqualTo("assistant");
            assertThat(session.path("output_modalities").get(0).asString()).isEqualTo("audio");
            assertThat(session.at("/audio/input/format/type").asString()).isEqualTo("audio/pcm");
            assertThat(session.at("/audio/input/format/rate").asInt()).isEqualTo(24_000);
            assertThat(session.at("/audio/input/turn_detection/type").asString())
                    .isEqualTo("server_vad");
            assertThat(session.at("/audio/output/voice").asString()).isEqualTo("matthew");
            assertThat(session.path("tools").isArray()).isTrue();

            client.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"model\":\"gpt-realtime\","
                    + "\"tracing\":\"auto\",\"instructions\":\"Be brief.\",\"audio\":{\"output\":{\"voice\":\"marin\","
                    + "\"format\":{\"type\":\"audio/pcmu\"}}}}}");
            JsonNode updated = client.next("session.updated").path("session");
            assertThat(updated.path("instructions").asString()).isEqualTo("Be brief.");
            assertThat(updated.at("/audio/output/voice").asString()).isEqualTo("marin");
            assertThat(updated.at("/audio/output/format/type").asString()).isEqualTo("audio/pcmu");
            assertThat(updated.path("model").asString()).isEqualTo("assistant");
        }
    }

    @Test
    void spokenTurnGivesSpeechEventsTranscriptAndAnAudioResponse() {
        fixture = new RealtimeFixture();
        try (RealtimeTestClient client = fixture.connect()) {
            client.next("session.created");
            client.sendAudio(Audio.concat(Audio.speech(24_000, 0.8), Audio.silence(24_000, 1.2)), 4800);

            JsonNode started = client.next("input_audio_buffer.speech_started");
            String itemId = started.path("item_id").asString();
            assertThat(itemId).startsWith("item_");
            assertThat(started.has("audio_start_ms")).isTrue();
            assertThat(client.next("input_audio_buffer.speech_stopped")
                            .path("item_id")
                            .asString())
                    .isEqualTo(itemId);
            assertThat(client.next("input_audio_buffer.committed")
                            .path("item_id")
                            .asString())
                    .isEqualTo(itemId);
            JsonNode added = client.next("conversation.item.added").path("item");
            assertThat(added.path("role").asString()).isEqualTo("user");
            assertThat(added.at("/content/0/type").asString()).isEqualTo("input_audio");
            assertThat(added.at("/content/0").has("transcript")).isTrue();
            JsonNode transcription = client.next("conversation.item.input_audio_transcription.completed");
            assertThat(transcription.path("item_id").asString()).isEqualTo(itemId);
            assertThat(transcription.path("content_index").asInt()).isZero();
            assertThat(transcription.path("transcript").asString()).isNotBlank();
            assertThat(transcription.at("/usage/type").asString()).isEqualTo("duration");

            JsonNode response = client.next("response.created").path("response");
            assertThat(response.path("object").asString()).isEqualTo("realtime.response");
            assertThat(response.path("status").asString()).isEqualTo("in_progress");
            String responseId = response.path("id").asString();
            JsonNode item = client.next("response.output_item.added");
            assertThat(item.path("response_id").asString()).isEqualTo(responseId);
            assertThat(item.at("/item/role").asString()).isEqualTo("assistant");
            JsonNode part = client.next("response.content_part.added");
            assertThat(part.at("/part/type").asString()).isEqualTo("audio");
            JsonNode audio = client.next("response.output_audio.delta");
            assertThat(audio.path("response_id").asString()).isEqualTo(responseId);
            assertThat(audio.path("item_id").asString())
                    .isEqualTo(item.at("/item/id").asString());
            assertThat(audio.path("output_index").asInt()).isZero();
            assertThat(audio.path("content_index").asInt()).isZero();
            assertThat(Base64.getDecoder().decode(audio.path("delta").asString()))
                    .isNotEmpty();

            JsonNode done = client.next("response.done").path("response");
            assertThat(done.path("id").asString()).isEqualTo(responseId);
            assertThat(done.path("status").asString()).isEqualTo("completed");
            assertThat(done.at("/output/0/type").asString()).isEqualTo("message");
            assertThat(done.at("/output/0/content/0/type").asString()).isEqualTo("output_audio");
            assertThat(done.at("/output/0/content/0/transcript").asString()).isNotBlank();
            assertThat(done.at("/usage/total_tokens").asLong()).isPositive();
            assertThat(done.at("/usage/input_token_details/audio_tokens").isNumber())
                    .isTrue();
            List<String> types = client.types();
            assertThat(types)
                    .contains(
                            "response.output_audio_transcript.delta",
                            "response.output_audio.done",
                            "response.output_audio_transcript.done",
                            "response.content_part.done",
                            "response.output_item.done",
                            "conversation.item.done");
            assertThat(types.indexOf("response.output_audio.done")).isLessThan(types.indexOf("response.done"));
            assertThat(types).doesNotContain("error", "response.audio.delta", "response.audio_transcript.delta");
        }
    }

    @Test
    void textTurnAnswersOnlyAfterResponseCreate() {
        fixture = new RealtimeFixture();
        try (RealtimeTestClient client = fixture.connect()) {
            client.next("session.created");
            client.send(textItem("Tell me something nice"));
            JsonNode added = client.next("conversation.item.added").path("item");
            assertThat(added.at("/content/0/type").asString()).isEqualTo("input_text");
            assertThat(added.at("/content/0/text").asString()).isEqualTo("Tell me something nice");
            client.next("conversation.item.done");
            assertThat(client.types()).noneMatch(type -> type.startsWith("response."));

            client.send("{\"type\":\"response.create\"}");
            client.next("response.created");
            client.next("response.output_audio_transcript.delta");
            JsonNode done = client.next("response.done").path("response");
            assertThat(done.path("status").asString()).isEqualTo("completed");
            assertThat(client.types()).doesNotContain("input_audio_buffer.speech_started", "error");
        }
    }

    @Test
    void manualCommitHoldsTheTurnUntilCommitAndResponseCreate() {
        fixture = new RealtimeFixture();
        try (RealtimeTestClient client = fixture.connect()) {
            client.next("session.created");
            client.send("{\"type\":\"session.update\",\"session\":{\"audio\":{\"input\":{\"turn_detection\":null}}}}");
            JsonNode updated = client.next("session.updated");
            assertThat(updated.at("/session/audio/input/turn_detection").isNull())
                    .isTrue();
            client.sendAudio(Audio.concat(Audio.speech(24_000, 0.8), Audio.silence(24_000, 1.0)), 4800);
            client.send("{\"type\":\"input_audio_buffer.commit\",\"event_id\":\"c1\"}");
            JsonNode committed = client.next("input_audio_buffer.committed");
            assertThat(client.types()).noneMatch(type -> type.startsWith("response.") || type.contains("speech_"));

            client.send("{\"type\":\"response.create\"}");
            client.next("response.created");
            JsonNode transcription = client.next("conversation.item.input_audio_transcription.completed");
            assertThat(transcription.path("item_id").asString())
                    .isEqualTo(committed.path("item_id").asString());
            assertThat(client.next("response.done").at("/response/status").asString())
                    .isEqualTo("completed");

            client.send("{\"type\":\"input_audio_buffer.commit\",\"event_id\":\"c2\"}");
            JsonNode empty = client.next("error").path("error");
            assertThat(empty.path("code").asString()).isEqualTo("input_audio_buffer_commit_empty");
            assertThat(empty.path("event_id").asString()).isEqualTo("c2");
        }
    }

    @Test
    void cancelEndsTheResponseAndNoMoreOfItsAudioArrives() {
        fixture = new RealtimeFixture(options -> options.timeScale(0.5), settings -> settings);
        try (RealtimeTestClient client = fixture.connect()) {
            client.next("session.created");
            client.send(textItem("Please tell me a long story about the sea"));
            client.send("{\"type\":\"response.create\"}");
            String responseId =
                    client.next("response.created").at("/response/id").asString();
            client.next("response.output_audio.delta");
            client.send("{\"type\":\"response.cancel\"}");
            JsonNode done = client.next("response.done").path("response");
            assertThat(done.path("id").asString()).isEqualTo(responseId);
            assertThat(done.path("status").asString()).isEqualTo("cancelled");
            assertThat(done.at("/status_details/type").asString()).isEqualTo("cancelled");
            assertThat(done.at("/status_details/reason").asString()).isEqualTo("client_cancelled");
            int afterCancel = client.events.size();

            // The next turn is answered, and nothing of the cancelled one came in between.
            client.send(textItem("And now a short one"));
            client.send("{\"type\":\"response.create\"}");
            String next = client.next("response.created").at("/response/id").asString();
            assertThat(client.next("response.done").at("/response/status").asString())
                    .isEqualTo("completed");
            List<JsonNode> all = List.copyOf(client.events);
            assertThat(all.subList(afterCancel, all.size()))
                    .noneMatch(event -> event.path("response_id").asString().equals(responseId));
            assertThat(next).isNotEqualTo(responseId);

            client.send("{\"type\":\"response.cancel\",\"event_id\":\"x\"}");
            assertThat(client.next("error").at("/error/code").asString()).isEqualTo("response_cancel_not_active");
        }
    }

    @Test
    void bargeInStartsSpeechAndCancelsTheResponseWithoutMarkerText() {
        fixture = new RealtimeFixture(
                options -> options.timeScale(1.0).responseDelay(java.time.Duration.ofMillis(10)), settings -> settings);
        try (RealtimeTestClient client = fixture.connect()) {
            client.next("session.created");
            client.send(textItem("Please tell me a long story about the sea"));
            client.send("{\"type\":\"response.create\"}");
            String responseId =
                    client.next("response.created").at("/response/id").asString();
            client.next("response.output_audio.delta");
            client.sendAudio(Audio.speech(24_000, 0.3), 4800);

            client.next("input_audio_buffer.speech_started");
            JsonNode done = client.next("response.done").path("response");
            assertThat(done.path("id").asString()).isEqualTo(responseId);
            assertThat(done.path("status").asString()).isEqualTo("cancelled");
            assertThat(done.at("/status_details/reason").asString()).isEqualTo("turn_detected");
            assertThat(client.events).noneMatch(event -> event.toString().contains("interrupted\\\""));
            assertThat(client.events)
                    .filteredOn(event -> event.path("type").asString().endsWith("transcript.delta"))
                    .noneMatch(event -> event.path("delta").asString().contains("interrupted"));
        }
    }

    @Test
    void toolCallGoesToTheClientAndItsOutputFeedsTheAnswer() {
        fixture = new RealtimeFixture();
        try (RealtimeTestClient client = fixture.connect()) {
            client.next("session.created");
            client.send("{\"type\":\"session.update\",\"session\":{\"tools\":[{\"type\":\"function\",\"name\":"
                    + "\"getWeather\",\"description\":\"Current weather for a city\",\"parameters\":{\"type\":"
                    + "\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}],"
                    + "\"tool_choice\":\"auto\"}}");
            assertThat(client.next("session.updated")
                            .at("/session/tools/0/name")
                            .asString())
                    .isEqualTo("getWeather");
            client.send(textItem("What is the weather in Paris?"));
            client.send("{\"type\":\"response.create\"}");

            JsonNode arguments = client.next("response.function_call_arguments.done");
            String callId = arguments.path("call_id").asString();
            assertThat(arguments.path("name").asString()).isEqualTo("getWeather");
            assertThat(arguments.path("arguments").asString()).contains("city");
            assertThat(arguments.path("item_id").asString()).startsWith("item_");
            JsonNode first = client.next("response.done").path("response");
            assertThat(first.path("status").asString()).isEqualTo("completed");
            JsonNode call = first.path("output").get(first.path("output").size() - 1);
            assertThat(call.path("type").asString()).isEqualTo("function_call");
            assertThat(call.path("call_id").asString()).isEqualTo(callId);

            client.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\","
                    + "\"call_id\":\"" + callId + "\",\"output\":\"{\\\"temperature\\\":\\\"21 C\\\"}\"}}");
            JsonNode output = client.next("conversation.item.added").path("item");
            assertThat(output.path("type").asString()).isEqualTo("function_call_output");
            client.send("{\"type\":\"response.create\"}");
            client.next("response.created");
            client.next("response.output_audio.delta");
            assertThat(client.next("response.done").at("/response/status").asString())
                    .isEqualTo("completed");
            assertThat(client.types()).doesNotContain("error");
        }
    }

    @Test
    void badEventsGetTypedErrorsNamingTheFieldAndTheSocketStaysOpen() {
        fixture = new RealtimeFixture();
        try (RealtimeTestClient client = fixture.connect()) {
            client.next("session.created");
            client.send("{not json");
            JsonNode json = client.next("error").path("error");
            assertThat(json.path("type").asString()).isEqualTo("invalid_request_error");
            assertThat(json.path("code").asString()).isEqualTo("invalid_json");

            client.send("{\"type\":\"response.audio.delta\",\"event_id\":\"e1\"}");
            JsonNode unknown = client.next("error").path("error");
            assertThat(unknown.path("code").asString()).isEqualTo("unknown_event_type");
            assertThat(unknown.path("param").asString()).isEqualTo("type");
            assertThat(unknown.path("event_id").asString()).isEqualTo("e1");

            client.send("{\"type\":\"session.update\",\"event_id\":\"e2\",\"session\":{\"audio\":{\"input\":"
                    + "{\"format\":{\"type\":\"audio/pcm\",\"rate\":16000}}}}}");
            JsonNode rate = client.next("error").path("error");
            assertThat(rate.path("param").asString()).isEqualTo("session.audio.input.format.rate");
            assertThat(rate.path("message").asString()).contains("24000");
            assertThat(rate.path("event_id").asString()).isEqualTo("e2");

            client.send("{\"type\":\"input_audio_buffer.append\",\"event_id\":\"e3\"}");
            JsonNode missing = client.next("error").path("error");
            assertThat(missing.path("param").asString()).isEqualTo("audio");
            assertThat(missing.path("code").asString()).isEqualTo("missing_required_parameter");

            client.send("{\"type\":\"conversation.item.retrieve\",\"event_id\":\"e4\",\"item_id\":\"item_nope\"}");
            assertThat(client.next("error").at("/error/param").asString()).isEqualTo("item_id");

            client.send("{\"type\":\"session.update\",\"session\":{\"instructions\":\"still here\"}}");
            assertThat(client.next("session.updated")
                            .at("/session/instructions")
                            .asString())
                    .isEqualTo("still here");
            assertThat(client.closed()).isFalse();
        }
    }

    @Test
    void itemsCanBeRetrievedTruncatedAndDeleted() {
        fixture = new RealtimeFixture();
        try (RealtimeTestClient client = fixture.connect()) {
            client.next("session.created");
            client.send(textItem("Tell me something nice"));
            String userItem =
                    client.next("conversation.item.added").at("/item/id").asString();
            client.send("{\"type\":\"response.create\"}");
            JsonNode done = client.next("response.done").path("response");
            String assistantItem = done.at("/output/0/id").asString();

            client.send("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + userItem + "\"}");
            JsonNode retrieved = client.next("conversation.item.retrieved").path("item");
            assertThat(retrieved.path("id").asString()).isEqualTo(userItem);
            assertThat(retrieved.path("object").asString()).isEqualTo("realtime.item");

            client.send("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + assistantItem
                    + "\",\"content_index\":0,\"audio_end_ms\":10}");
            JsonNode truncated = client.next("conversation.item.truncated");
            assertThat(truncated.path("item_id").asString()).isEqualTo(assistantItem);
            assertThat(truncated.path("audio_end_ms").asLong()).isEqualTo(10);
            client.send("{\"type\":\"conversation.item.truncate\",\"item_id\":\"" + assistantItem
                    + "\",\"content_index\":0,\"audio_end_ms\":100000000}");
            assertThat(client.next("error").at("/error/param").asString()).isEqualTo("audio_end_ms");

            client.send("{\"type\":\"conversation.item.delete\",\"item_id\":\"" + userItem + "\"}");
            assertThat(client.next("conversation.item.deleted").path("item_id").asString())
                    .isEqualTo(userItem);
            client.send("{\"type\":\"conversation.item.retrieve\",\"item_id\":\"" + userItem + "\"}");
            assertThat(client.next("error").at("/error/code").asString()).isEqualTo("item_not_found");

            client.send("{\"type\":\"input_audio_buffer.clear\"}");
            client.next("input_audio_buffer.cleared");
            client.send("{\"type\":\"output_audio_buffer.clear\"}");
            client.next("output_audio_buffer.cleared");
        }
    }

    static String textItem(String text) {
        return "{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\",\"content\":"
                + "[{\"type\":\"input_text\",\"text\":\"" + text + "\"}]}}";
    }
}
