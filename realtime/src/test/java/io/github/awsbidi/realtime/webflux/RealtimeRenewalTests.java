package io.github.awsbidi.realtime.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.novasonic.NovaSonicSettings;
import io.github.awsbidi.novasonic.RenewalCause;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The façade goes on across the conversation's stream renewals (the 8-minute limit, time-scaled here: renewal after 1
 * second) and across session.update changes of tools (the TOOL_CHANGE renewal) and instructions (a fresh conversation
 * that continues from the transcript), with no error event.
 */
class RealtimeRenewalTests {

    private RealtimeFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void turnsGoOnAcrossAgeRenewalsWithNoErrorEvent() {
        // Streams renew at the first turn boundary after 3 s (Nova Sonic's 8 minutes, scaled down).
        fixture = new RealtimeFixture(
                options -> options,
                settings -> settings.renewal(new NovaSonicSettings.Renewal(
                        true,
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30))));
        try (RealtimeTestClient client = fixture.connect()) {
            client.next("session.created");
            client.send(RealtimeEndpointTests.textItem("Tell me something nice"));
            client.send("{\"type\":\"response.create\"}");
            assertThat(client.next("response.done").at("/response/status").asString())
                    .isEqualTo("completed");
            Awaitility.await().atMost(RealtimeTestClient.TIMEOUT).until(() -> fixture.renewals.size() >= 1);

            client.sendAudio(Audio.concat(Audio.speech(24_000, 0.8), Audio.silence(24_000, 1.2)), 4800);
            client.next("conversation.item.input_audio_transcription.completed");
            assertThat(client.next("response.done").at("/response/status").asString())
                    .isEqualTo("completed");
            Awaitility.await().atMost(RealtimeTestClient.TIMEOUT).until(() -> fixture.renewals.size() >= 2);

            client.send(RealtimeEndpointTests.textItem("And one more thing"));
            client.send("{\"type\":\"response.create\"}");
            assertThat(client.next("response.done").at("/response/status").asString())
                    .isEqualTo("completed");
            assertThat(fixture.renewals).allMatch(cause -> cause == RenewalCause.AGE);
            assertThat(client.types()).doesNotContain("error");
        }
    }

    @Test
    void changingToolsOrInstructionsMidCallKeepsTheConversationGoing() {
        fixture = new RealtimeFixture();
        try (RealtimeTestClient client = fixture.connect()) {
            client.next("session.created");
            client.send(RealtimeEndpointTests.textItem("Tell me something nice"));
            client.send("{\"type\":\"response.create\"}");
            assertThat(client.next("response.done").at("/response/status").asString())
                    .isEqualTo("completed");

            client.send("{\"type\":\"session.update\",\"session\":{\"tools\":[{\"type\":\"function\",\"name\":"
                    + "\"getWeather\",\"description\":\"Current weather for a city\",\"parameters\":{\"type\":"
                    + "\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]}}");
            client.next("session.updated");
            Awaitility.await()
                    .atMost(RealtimeTestClient.TIMEOUT)
                    .until(() -> fixture.renewals.contains(RenewalCause.TOOL_CHANGE));
            client.send(RealtimeEndpointTests.textItem("What is the weather in Paris?"));
            client.send("{\"type\":\"response.create\"}");
            assertThat(client.next("response.function_call_arguments.done")
                            .path("name")
                            .asString())
                    .isEqualTo("getWeather");
            client.next("response.done");

            client.send("{\"type\":\"session.update\",\"session\":{\"instructions\":\"Answer like a pirate.\"}}");
            client.next("session.updated");
            client.send(RealtimeEndpointTests.textItem("Tell me something else"));
            client.send("{\"type\":\"response.create\"}");
            client.next("response.created");
            assertThat(client.next("response.done").at("/response/status").asString())
                    .isEqualTo("completed");
            assertThat(client.types()).doesNotContain("error");
        }
    }
}
