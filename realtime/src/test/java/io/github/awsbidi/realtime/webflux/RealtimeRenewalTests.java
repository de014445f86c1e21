package io.github.awsbidi.realtime.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.novasonic.NovaSonicSettings;
import io.github.awsbidi.novasonic.RenewalCause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The façade goes on across the conversation's stream renewals (the 8-minute limit, time-scaled here) with no error
 * event and no audible gap, and across session.update changes of tools (the TOOL_CHANGE renewal) and instructions (a fresh conversation
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
    void aCallLongerThanTheStreamLimitGoesOnAcrossRenewalsWithNoErrorAndNoAudioGapOver200Ms() {
        // Nova Sonic's 8-minute stream limit scaled to 8 s (the emulator fails a stream older than that), renewal from
        // 2 s (a hand-off at the next turn boundary, forced 2 s later); the assistant's audio is paced in real time
        // and it answers 10 ms after a turn, so any silence the client hears is the façade's or the hand-off's.
        fixture = new RealtimeFixture(
                options -> options.timeScale(1.0)
                        .sessionLimit(Duration.ofSeconds(8))
                        .responseDelay(Duration.ofMillis(10)),
                settings -> settings.renewal(new NovaSonicSettings.Renewal(
                        true,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(30))));
        Duration call = Duration.ofSeconds(10);
        try (RealtimeTestClient client = fixture.connect()) {
            client.next("session.created");
            AtomicInteger turns = new AtomicInteger();
            AtomicBoolean over = new AtomicBoolean();
            long start = System.nanoTime();
            // The caller asks again the moment an answer is done, for longer than one stream may live.
            client.onEvent(event -> {
                if (event.path("type").asString().equals("response.done")) {
                    if (System.nanoTime() - start < call.toNanos()) {
                        ask(client, turns.incrementAndGet());
                    } else {
                        over.set(true);
                    }
                }
            });
            ask(client, turns.incrementAndGet());
            Awaitility.await()
                    .atMost(call.plus(RealtimeTestClient.TIMEOUT))
                    .until(() -> over.get() || client.closed() || client.types().contains("error"));

            assertThat(client.types()).doesNotContain("error");
            assertThat(over)
                    .as("the call went on past the stream limit: %s", client.types())
                    .isTrue();
            assertThat(fixture.renewals).hasSizeGreaterThanOrEqualTo(2).allMatch(cause -> cause == RenewalCause.AGE);
            List<String> statuses = client.events.stream()
                    .filter(event -> event.path("type").asString().equals("response.done"))
                    .map(event -> event.at("/response/status").asString())
                    .toList();
            assertThat(statuses).hasSize(turns.get()).containsOnly("completed");
            List<Long> gaps = playbackGaps(client);
            assertThat(gaps).as("audio deltas").hasSizeGreaterThan(50);
            assertThat(gaps.stream().mapToLong(Long::longValue).max().orElseThrow())
                    .as("longest silence between output audio deltas, played as they arrive (ms): %s", gaps)
                    .isLessThanOrEqualTo(200);
        }
    }

    private static void ask(RealtimeTestClient client, int turn) {
        client.send(RealtimeEndpointTests.textItem("Turn " + turn));
        client.send("{\"type\":\"response.create\"}");
    }

    /**
     * The silences a client hears that plays each response.output_audio.delta (24 kHz PCM) as soon as it arrives, or
     * straight after the audio before it: for each delta after the first, how long (ms) playback had run dry.
     */
    private static List<Long> playbackGaps(RealtimeTestClient client) {
        List<Long> gaps = new ArrayList<>();
        long playedUntil = -1;
        for (int i = 0; i < client.events.size(); i++) {
            JsonNode event = client.events.get(i);
            if (!event.path("type").asString().equals("response.output_audio.delta")) {
                continue;
            }
            long arrival = client.arrivals.get(i);
            long nanos =
                    Base64.getDecoder().decode(event.path("delta").asString()).length / 2 * 1_000_000_000L / 24_000;
            if (playedUntil >= 0) {
                gaps.add(Math.max(0, arrival - playedUntil) / 1_000_000);
            }
            playedUntil = Math.max(arrival, playedUntil) + nanos;
        }
        return gaps;
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
