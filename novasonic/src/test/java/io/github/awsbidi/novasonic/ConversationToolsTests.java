package io.github.awsbidi.novasonic;

import static io.github.awsbidi.novasonic.Recorder.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.novasonic.event.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ConversationToolsTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final String WEATHER_SCHEMA = """
            {"type":"object","properties":{"city":{"type":"string","description":"the city"}},"required":["city"]}""";

    private EmulatedNovaSonic nova;

    @AfterEach
    void stop() {
        if (nova != null) {
            nova.close();
        }
    }

    @Test
    void aToolCallIsAnsweredByItsHandlerAndTheAnswerUsesTheResult() {
        nova = EmulatedNovaSonic.start(options -> options);
        NovaSonicSettings settings = NovaSonicSettings.builder()
                .tool(
                        "getWeather",
                        "Current weather for a city",
                        WEATHER_SCHEMA,
                        call -> Mono.just(Map.of("city", call.arguments().get("city"), "forecast", "sunny")))
                .build();
        Conversation conversation = nova.novaSonic(settings).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);

        conversation.sendText("What is the weather in Paris?").block(TIMEOUT);

        await().atMost(TIMEOUT).until(() -> recorder.turnsDone(1));
        ConversationEvent.ToolCall call = (ConversationEvent.ToolCall)
                recorder.events.get(recorder.indexOf(is(ConversationEvent.ToolCall.class)));
        assertThat(call.name()).isEqualTo("getWeather");
        assertThat(call.arguments()).isEqualTo(Map.of("city", "Paris"));
        assertThat(recorder.finalTexts(Role.ASSISTANT))
                .singleElement()
                .asString()
                .contains("getWeather")
                .contains("\"forecast\":\"sunny\"")
                .contains("\"city\":\"Paris\"");
        conversation.close().block(TIMEOUT);
    }

    @Test
    void aHandlerReturningAFutureAndAPlainValueIsWrapped() {
        nova = EmulatedNovaSonic.start(options -> options);
        NovaSonicSettings settings = NovaSonicSettings.builder()
                .tool(
                        "getWeather",
                        "Current weather for a city",
                        WEATHER_SCHEMA,
                        ToolHandler.async(call -> CompletableFuture.supplyAsync(() -> "rain")))
                .build();
        Conversation conversation = nova.novaSonic(settings).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);

        conversation.sendText("weather in Oslo").block(TIMEOUT);

        await().atMost(TIMEOUT).until(() -> recorder.turnsDone(1));
        assertThat(recorder.finalTexts(Role.ASSISTANT))
                .singleElement()
                .asString()
                .contains("{\"result\":\"rain\"}");
        conversation.close().block(TIMEOUT);
    }

    @Test
    void aFailingHandlerSendsAnErrorResultAndTheConversationGoesOn() {
        nova = EmulatedNovaSonic.start(options -> options);
        NovaSonicSettings settings = NovaSonicSettings.builder()
                .tool("getWeather", "Current weather for a city", WEATHER_SCHEMA, ToolHandler.blocking(call -> {
                    throw new IllegalStateException("weather service down");
                }))
                .build();
        Conversation conversation = nova.novaSonic(settings).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);

        conversation.sendText("What is the weather in Rome?").block(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> recorder.turnsDone(1));
        conversation.sendText("Never mind").block(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> recorder.turnsDone(2));

        assertThat(recorder.finalTexts(Role.ASSISTANT))
                .containsExactly(
                        "The getWeather tool says: {\"error\":\"weather service down\"}", "You said: Never mind.");
        assertThat(recorder.count(ConversationEvent.Closed.class)).isZero();
        conversation.close().block(TIMEOUT);
    }

    @Test
    void theResultOfACallCancelledByAForcedRenewalIsNeverSent() {
        nova = EmulatedNovaSonic.start(options -> options);
        CompletableFuture<String> slowAnswer = new CompletableFuture<>();
        AtomicInteger calls = new AtomicInteger();
        NovaSonicSettings settings = NovaSonicSettings.builder()
                .tool("getWeather", "Current weather for a city", WEATHER_SCHEMA, ToolHandler.async(call -> {
                    calls.incrementAndGet();
                    return slowAnswer;
                }))
                // The threshold leaves time for the tool call to start on a busy machine: renewal must find it
                // running (no turn boundary) and be forced.
                .renewal(new NovaSonicSettings.Renewal(
                        true,
                        Duration.ofSeconds(5),
                        Duration.ofMillis(300),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(30)))
                .build();
        Conversation conversation = nova.novaSonic(settings).start().block(TIMEOUT);
        Recorder recorder = Recorder.of(conversation);

        conversation.sendText("What is the weather in Lima?").block(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> calls.get() == 1);
        await().atMost(TIMEOUT).until(() -> recorder.has(is(ConversationEvent.Renewed.class)));
        slowAnswer.complete("too late");
        conversation.sendText("Hello again").block(TIMEOUT);

        // The old stream's call is gone: a result for it on the new stream would fail that stream.
        await().atMost(TIMEOUT).until(() -> recorder.finalTexts(Role.ASSISTANT).contains("You said: Hello again."));
        List<ConversationEvent.Renewed> renewals = recorder.events.stream()
                .filter(ConversationEvent.Renewed.class::isInstance)
                .map(ConversationEvent.Renewed.class::cast)
                .toList();
        assertThat(renewals)
                .first()
                .extracting(ConversationEvent.Renewed::reason)
                .asString()
                .startsWith("renewal forced");
        assertThat(calls).hasValue(1);
        assertThat(recorder.finalTexts(Role.ASSISTANT)).noneMatch(text -> text.contains("too late"));
        assertThat(recorder.count(ConversationEvent.Closed.class)).isZero();
        conversation.close().block(TIMEOUT);
    }
}
