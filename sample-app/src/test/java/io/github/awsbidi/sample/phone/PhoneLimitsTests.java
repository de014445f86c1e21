package io.github.awsbidi.sample.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.netty.http.client.HttpClient;

/**
 * The sockets' cost limits on {@code /twilio/media}, with short limits: a signed call is still one conversation per
 * client at most, is closed at its maximum duration and by a message over the size limit, each counted with
 * {@code surface=phone}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            ScriptedTwilioCall.TOKEN_PROPERTY,
            "sample.web.max-conversations-per-client=1",
            "sample.web.max-call-duration=2s",
            "sample.web.max-message-size=2KB"
        })
class PhoneLimitsTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private TwilioMediaHandler handler;

    @Test
    void aCallIsClosedAtTheMaximumCallDurationThoughTheLineIsBusy() {
        double before = refused("max_duration");
        try (ScriptedTwilioCall call = ScriptedTwilioCall.dial(port, "MZ-long-1", "CA-long-1")) {
            // The line sends 20 ms of audio every 20 ms: never idle, yet over at 2 s.
            await().atMost(TIMEOUT).until(call::isClosed);
            assertThat(call.closeCode()).isEqualTo(1008);
        }
        await().atMost(TIMEOUT).until(() -> refused("max_duration") == before + 1);
        await().atMost(TIMEOUT).until(() -> handler.assistant().openConversations() == 0);
    }

    @Test
    void aMessageOverTheSizeLimitClosesTheCallWith1009() {
        double before = refused("message_too_big");
        try (ScriptedTwilioCall call = ScriptedTwilioCall.dial(port, "MZ-big-1", "CA-big-1")) {
            call.sendRaw("x".repeat(3000));
            await().atMost(TIMEOUT).until(call::isClosed);
            assertThat(call.closeCode()).isEqualTo(1009);
        }
        await().atMost(TIMEOUT).until(() -> refused("message_too_big") == before + 1);
        await().atMost(TIMEOUT).until(() -> handler.assistant().openConversations() == 0);
    }

    @Test
    void oneClientHoldsAtMostItsLimitOfCalls() {
        double before = refused("session_limit");
        await().atMost(TIMEOUT).until(() -> handler.assistant().openConversations() == 0);
        try (ScriptedTwilioCall call = ScriptedTwilioCall.dial(port, "MZ-one-1", "CA-one-1")) {
            await().atMost(TIMEOUT).until(() -> handler.assistant().openConversations() == 1);
            assertThat(signedUpgradeStatus()).isEqualTo(429);
            assertThat(call.isClosed()).isFalse();
        }
        assertThat(refused("session_limit")).isEqualTo(before + 1);
    }

    private int signedUpgradeStatus() {
        String signature = new TwilioSignature(ScriptedTwilioCall.AUTH_TOKEN)
                .sign("wss://127.0.0.1:" + port + TwilioVoiceController.MEDIA_PATH, Map.of());
        Integer status = HttpClient.newConnection()
                .headers(headers -> headers.set("Connection", "Upgrade")
                        .set("Upgrade", "websocket")
                        .set("Sec-WebSocket-Version", "13")
                        .set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                        .set(TwilioSignature.HEADER, signature))
                .get()
                .uri("http://127.0.0.1:" + port + TwilioVoiceController.MEDIA_PATH)
                .response()
                .map(response -> response.status().code())
                .block(TIMEOUT);
        return status == null ? -1 : status;
    }

    private double refused(String reason) {
        Counter counter = meters.find("aws.bidi.admission.refused")
                .tags("surface", "phone", "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
