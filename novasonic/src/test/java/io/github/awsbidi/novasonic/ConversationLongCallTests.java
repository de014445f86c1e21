package io.github.awsbidi.novasonic;

import static io.github.awsbidi.novasonic.Recorder.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.novasonic.event.Role;
import io.github.awsbidi.novasonic.micrometer.NovaSonicMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * What keeps a long call alive, against the scripted model at 1/20 of real time: the audio-idle limit (55 s
 * become 2.75 s) and the renewals for expiring credentials, a new tool set and a long assistant silence.
 */
class ConversationLongCallTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final String WEATHER_SCHEMA = """
            {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""";

    private EmulatedNovaSonic nova;

    @AfterEach
    void stop() {
        if (nova != null) {
            nova.close();
        }
    }

    @Test
    void withoutAudioTheServiceEndsTheStreamAfterItsIdleLimit() {
        nova = EmulatedNovaSonic.start(options -> options);
        Conversation conversation = nova.novaSonic(NovaSonicSettings.builder()
                        .keepAlive(NovaSonicSettings.KeepAlive.disabled())
                        .build())
                .start()
                .block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);

        conversation.sendText("Hello").block(TIMEOUT);

        await().atMost(TIMEOUT).until(() -> recorder.completed);
        ConversationEvent.Closed closed = (ConversationEvent.Closed) recorder.events.get(recorder.events.size() - 1);
        assertThat(closed.error())
                .isInstanceOfSatisfying(
                        BidiStreamException.class,
                        error -> assertThat(error.kind()).isEqualTo(ErrorKind.VALIDATION));
        assertThat(closed.reason()).contains("Timed out waiting for input events");
    }

    @Test
    void keepAliveSilenceKeepsAStreamWithoutUserAudioOpenPastTheIdleLimit() throws InterruptedException {
        nova = EmulatedNovaSonic.start(options -> options);
        Conversation conversation =
                nova.novaSonic(NovaSonicSettings.defaults()).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);

        conversation.sendText("Hello").block(TIMEOUT);
        // Twice the (scaled) idle limit with no audio from the caller: the user is muted.
        Thread.sleep(5_500);
        conversation.sendText("Still there?").block(TIMEOUT);

        await().atMost(TIMEOUT).until(() -> recorder.turnsDone(2));
        assertThat(recorder.events).noneMatch(is(ConversationEvent.Closed.class));
        assertThat(recorder.events).noneMatch(is(ConversationEvent.Renewed.class));
        assertThat(recorder.finalTexts(Role.ASSISTANT)).last().asString().contains("Still there");
        conversation.close().block(TIMEOUT);
    }

    @Test
    void temporaryCredentialsAreRenewedBeforeTheyExpire() {
        nova = EmulatedNovaSonic.start(options -> options);
        AtomicInteger resolved = new AtomicInteger();
        Duration lead = Duration.ofMinutes(5);
        // Like a refreshing provider: each resolution gives credentials 1.5 s short of the lead from expiry.
        AwsCredentialsProvider expiring = () -> {
            resolved.incrementAndGet();
            return AwsSessionCredentials.builder()
                    .accessKeyId(nova.emulator.accessKeyId())
                    .secretAccessKey(nova.emulator.secretAccessKey())
                    .sessionToken("token-" + resolved.get())
                    .expirationTime(Instant.now().plus(lead).plusMillis(1500))
                    .build();
        };
        NovaSonic sonic = NovaSonic.create(
                        nova.session(expiring),
                        NovaSonicSettings.builder()
                                .renewal(NovaSonicSettings.Renewal.DEFAULTS.withCredentialsLead(lead))
                                .build())
                .withCredentials(expiring);
        Conversation conversation = sonic.start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);

        await().atMost(TIMEOUT).until(() -> recorder.has(is(ConversationEvent.Renewed.class)));
        ConversationEvent.Renewed renewed =
                (ConversationEvent.Renewed) recorder.events.get(recorder.indexOf(is(ConversationEvent.Renewed.class)));
        assertThat(renewed.cause()).isEqualTo(RenewalCause.CREDENTIALS_EXPIRY);

        int before = recorder.events.size();
        conversation.sendText("Are you on the new stream?").block(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> recorder.turnDoneAfter(before));
        assertThat(recorder.events).noneMatch(is(ConversationEvent.Closed.class));
        conversation.close().block(TIMEOUT);
    }

    @Test
    void aNewToolSetRenewsTheStreamAndItsToolsAnswerFromThen() {
        nova = EmulatedNovaSonic.start(options -> options);
        Conversation conversation =
                nova.novaSonic(NovaSonicSettings.defaults()).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);
        conversation.sendText("How is the weather in Oslo?").block(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> recorder.turnsDone(1));
        assertThat(recorder.events).as("no tool declared yet").noneMatch(is(ConversationEvent.ToolCall.class));

        conversation
                .updateTools(List.of(new NovaSonicTool(
                        "getWeather",
                        "Weather for a city",
                        WEATHER_SCHEMA,
                        call -> Mono.just(Map.of("forecast", "snow")))))
                .block(TIMEOUT);

        await().atMost(TIMEOUT).until(() -> recorder.has(is(ConversationEvent.Renewed.class)));
        ConversationEvent.Renewed renewed =
                (ConversationEvent.Renewed) recorder.events.get(recorder.indexOf(is(ConversationEvent.Renewed.class)));
        assertThat(renewed.cause()).isEqualTo(RenewalCause.TOOL_CHANGE);
        int before = recorder.events.size();
        conversation.sendText("And the weather in Bergen?").block(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> recorder.turnDoneAfter(before));
        assertThat(recorder.from(before)).anyMatch(is(ConversationEvent.ToolCall.class));
        assertThat(recorder.finalTexts(Role.ASSISTANT)).last().asString().contains("snow");
        conversation.close().block(TIMEOUT);
    }

    @Test
    void aLongAssistantSilenceForcesAHandOffAndTheMetersCountIt() {
        nova = EmulatedNovaSonic.start(options -> options);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Conversation conversation = nova.novaSonic(NovaSonicSettings.builder()
                        .renewal(NovaSonicSettings.Renewal.DEFAULTS.withAssistantSilence(Duration.ofSeconds(3)))
                        .build())
                .withListener(new NovaSonicMeters(registry, "assistant"))
                .start()
                .block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);
        conversation.sendText("Hello").block(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> recorder.turnsDone(1));

        // The assistant answered, then stays quiet: 3 s later the stream is handed off.
        await().atMost(TIMEOUT).until(() -> recorder.has(is(ConversationEvent.Renewed.class)));
        ConversationEvent.Renewed renewed =
                (ConversationEvent.Renewed) recorder.events.get(recorder.indexOf(is(ConversationEvent.Renewed.class)));
        assertThat(renewed.cause()).isEqualTo(RenewalCause.ASSISTANT_SILENCE);
        assertThat(renewed.reason()).startsWith("renewal forced (assistant_silence)");
        assertThat(registry.get("aws.bidi.novasonic.renewals")
                        .tag("cause", "assistant_silence")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(registry.get("aws.bidi.novasonic.response.latency")
                        .tag("session", "assistant")
                        .timer()
                        .count())
                .isEqualTo(1);
        await().atMost(TIMEOUT)
                .until(() -> registry.find("aws.bidi.novasonic.tokens")
                                .tag("direction", "output")
                                .tag("modality", "speech")
                                .counter()
                        != null);
        assertThat(registry.get("aws.bidi.novasonic.tokens")
                        .tag("direction", "input")
                        .tag("modality", "text")
                        .counter()
                        .count())
                .isPositive();
        conversation.close().block(TIMEOUT);
    }

    @Test
    void anInvalidToolNameIsReportedNamingTheTool() {
        nova = EmulatedNovaSonic.start(options -> options);
        Conversation conversation =
                nova.novaSonic(NovaSonicSettings.defaults()).start().block(TIMEOUT);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> conversation
                        .updateTools(List.of(
                                new NovaSonicTool("get weather", "Weather", WEATHER_SCHEMA, call -> Mono.empty())))
                        .block(TIMEOUT))
                .isInstanceOfSatisfying(
                        io.github.awsbidi.core.InvalidSettingException.class,
                        error -> org.assertj.core.api.Assertions.assertThat(error.field())
                                .isEqualTo("tools[0].name"))
                .hasMessageContaining("tools[0].name")
                .hasMessageContaining("get weather")
                .hasMessageContaining("^[a-zA-Z0-9_-]+$");
        conversation.close().block(TIMEOUT);
    }
}
