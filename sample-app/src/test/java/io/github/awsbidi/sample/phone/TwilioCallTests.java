package io.github.awsbidi.sample.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.novasonic.audio.FramePacer;
import io.github.awsbidi.novasonic.audio.MuLaw;
import io.github.awsbidi.novasonic.audio.Pcm16;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

/**
 * Scripted Twilio calls over real sockets against the sample app and the embedded emulator's Nova Sonic, which
 * answers a spoken turn with synthesized speech (in real time) and stops speaking when the caller talks over it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = ScriptedTwilioCall.TOKEN_PROPERTY)
class TwilioCallTests {

    private static final Duration ANSWER = Duration.ofSeconds(20);

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private TwilioMediaHandler handler;

    @Test
    void theCallerAsksTalksOverTheAnswerAndHangsUp() {
        double completedBefore = calls("completed");
        double bargeInsBefore = count(PhoneCallMetrics.BARGE_INS);
        try (ScriptedTwilioCall call = ScriptedTwilioCall.dial(port, "MZ-ask-1", "CA-ask-1")) {
            call.speak(CallerVoice.speech(1.0)); // the line's silence that follows ends the turn

            await().atMost(ANSWER).until(() -> call.received("media").size() >= 10);
            List<JsonNode> speech = call.received("media");
            assertThat(speech).allSatisfy(media -> {
                assertThat(media.path("streamSid").asString()).isEqualTo("MZ-ask-1");
                assertThat(ScriptedTwilioCall.payload(media)).hasSize(FramePacer.FRAME_BYTES);
            });
            // 8 kHz μ-law of the assistant's voice, not line silence.
            assertThat(speech)
                    .anySatisfy(media -> assertThat(Pcm16.rms(MuLaw.decode(ScriptedTwilioCall.payload(media))))
                            .isGreaterThan(0.01));

            call.speak(CallerVoice.speech(0.5));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !call.received("clear").isEmpty());
            assertThat(call.received("clear"))
                    .singleElement()
                    .satisfies(clear ->
                            assertThat(clear.path("streamSid").asString()).isEqualTo("MZ-ask-1"));

            call.stop();
            await().atMost(Duration.ofSeconds(10)).until(call::isClosed);
            assertThat(call.closeCode()).isEqualTo(1000);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> calls("completed") == completedBefore + 1);
        assertThat(count(PhoneCallMetrics.BARGE_INS)).isEqualTo(bargeInsBefore + 1);
        // The conversation was closed with its full closing sequence, not left to time out.
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.assistant().openConversations() == 0);
        assertThat(meters.get(PhoneCallMetrics.ACTIVE)
                        .tag("provider", "twilio")
                        .gauge()
                        .value())
                .isZero();
    }

    @Test
    void aWholeAnswerIsFollowedByAMark() {
        try (ScriptedTwilioCall call = ScriptedTwilioCall.dial(port, "MZ-mark-1", "CA-mark-1")) {
            call.speak(CallerVoice.speech(0.6));

            await().atMost(ANSWER).until(() -> !call.received("mark").isEmpty());
            List<JsonNode> messages = call.received();
            JsonNode mark = call.received("mark").get(0);
            assertThat(mark.path("streamSid").asString()).isEqualTo("MZ-mark-1");
            assertThat(mark.path("mark").path("name").asString()).isEqualTo("turn-1");
            // The mark follows the turn's speech.
            assertThat(messages.subList(0, messages.indexOf(mark)))
                    .isNotEmpty()
                    .allSatisfy(
                            media -> assertThat(media.path("event").asString()).isEqualTo("media"));
            assertThat(call.received("clear")).isEmpty();

            call.echoMark("turn-1");
            call.stop();
            await().atMost(Duration.ofSeconds(10)).until(call::isClosed);
        }
    }

    @Test
    void aDroppedSocketClosesTheConversation() {
        double droppedBefore = calls("dropped");
        try (ScriptedTwilioCall call = ScriptedTwilioCall.dial(port, "MZ-drop-1", "CA-drop-1")) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> handler.assistant().openConversations() == 1);

            call.hangUpAbruptly();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> calls("dropped") == droppedBefore + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.assistant().openConversations() == 0);
    }

    @Test
    void aMessageTwilioWouldNotSendFailsTheCallAndClosesTheSocketWith1011() {
        double failedBefore = calls("failed");
        try (ScriptedTwilioCall call = ScriptedTwilioCall.dial(port, "MZ-bad-1", "CA-bad-1")) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> handler.assistant().openConversations() == 1);

            // Every field present and well-formed but the payload, which is not base64.
            call.sendRaw("{\"event\":\"media\",\"sequenceNumber\":\"3\",\"streamSid\":\"MZ-bad-1\","
                    + "\"media\":{\"track\":\"inbound\",\"chunk\":\"1\",\"timestamp\":\"5\",\"payload\":\"***\"}}");

            await().atMost(Duration.ofSeconds(10)).until(call::isClosed);
            assertThat(call.closeCode()).isEqualTo(1011);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> calls("failed") == failedBefore + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.assistant().openConversations() == 0);
    }

    @Test
    void aStreamTwilioDidNotSignIsRefusedAtTheHandshake() {
        assertThat(upgradeStatus(null)).isEqualTo(403);
        // Signed with another account's token.
        assertThat(upgradeStatus(new TwilioSignature("another-token")
                        .sign("wss://127.0.0.1:" + port + TwilioVoiceController.MEDIA_PATH, Map.of())))
                .isEqualTo(403);
        assertThat(handler.assistant().openConversations()).isZero();
    }

    @Test
    void callsAskNovaSonicForSpeechAtTheLineRate() {
        assertThat(handler.assistant().settings().outputSampleRate()).isEqualTo(8_000);
        assertThat(handler.assistant().settings().inputSampleRate()).isEqualTo(16_000);
    }

    private int upgradeStatus(@Nullable String signature) {
        // A plain GET with the upgrade headers: the refusal comes before any WebSocket exists.
        return HttpClient.create()
                .headers(headers -> {
                    headers.set("Connection", "Upgrade");
                    headers.set("Upgrade", "websocket");
                    headers.set("Sec-WebSocket-Version", "13");
                    headers.set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
                    if (signature != null) {
                        headers.set(TwilioSignature.HEADER, signature);
                    }
                })
                .get()
                .uri("http://127.0.0.1:" + port + TwilioVoiceController.MEDIA_PATH)
                .response()
                .map(response -> response.status().code())
                .block(Duration.ofSeconds(10));
    }

    private double calls(String outcome) {
        Counter counter = meters.find(PhoneCallMetrics.CALLS)
                .tags("provider", "twilio", "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double count(String name) {
        Counter counter = meters.find(name).tag("provider", "twilio").counter();
        return counter == null ? 0 : counter.count();
    }
}
