package io.github.awsbidi.novasonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.novasonic.event.InputEvent;
import io.github.awsbidi.novasonic.event.NovaSonicCodec;
import io.github.awsbidi.novasonic.event.Role;
import io.github.awsbidi.novasonic.event.TextInputConfiguration;
import io.github.awsbidi.novasonic.history.HistoryShaper;
import io.github.awsbidi.novasonic.history.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InputSequencerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NovaSonicCodec codec = new NovaSonicCodec();
    private final List<InputEvent> events = new ArrayList<>();
    private final AtomicInteger names = new AtomicInteger();

    @Test
    void opensWithSessionPromptSystemAndHistoryBlocks() {
        NovaSonicSettings settings = NovaSonicSettings.builder()
                .systemPrompt("Be brief.")
                .tool("getWeather", "Weather for a city", "{\"type\":\"object\"}", call -> Mono.just("sunny"))
                .build();
        InputSequencer sequencer = sequencer(settings);

        sequencer.open(new HistoryShaper()
                .shape(List.of(Turn.assistant("dropped"), Turn.user("Hi"), Turn.assistant("Hello!"))));

        assertThat(names())
                .containsExactly(
                        "sessionStart",
                        "promptStart",
                        "contentStart",
                        "textInput",
                        "contentEnd",
                        "contentStart",
                        "textInput",
                        "contentEnd",
                        "contentStart",
                        "textInput",
                        "contentEnd");
        assertThat(json(0)).isEqualTo(JSON.readTree("""
                {"event":{"sessionStart":{"inferenceConfiguration":{"maxTokens":1024,"topP":0.9,"temperature":0.7},
                  "turnDetectionConfiguration":{"endpointingSensitivity":"MEDIUM"}}}}"""));
        assertThat(json(1)).isEqualTo(JSON.readTree("""
                {"event":{"promptStart":{"promptName":"prompt",
                  "textOutputConfiguration":{"mediaType":"text/plain"},
                  "audioOutputConfiguration":{"mediaType":"audio/lpcm","sampleRateHertz":24000,"sampleSizeBits":16,
                    "channelCount":1,"voiceId":"matthew","encoding":"base64","audioType":"SPEECH"},
                  "toolUseOutputConfiguration":{"mediaType":"application/json"},
                  "toolConfiguration":{"tools":[{"toolSpec":{"name":"getWeather","description":"Weather for a city",
                    "inputSchema":{"json":"{\\"type\\":\\"object\\"}"}}}]}}}}"""));
        assertThat(json(2)).isEqualTo(JSON.readTree("""
                {"event":{"contentStart":{"promptName":"prompt","contentName":"c1","type":"TEXT","interactive":false,
                  "role":"SYSTEM","textInputConfiguration":{"mediaType":"text/plain"}}}}"""));
        assertThat(json(3)).isEqualTo(JSON.readTree("""
                {"event":{"textInput":{"promptName":"prompt","contentName":"c1","content":"Be brief."}}}"""));
        assertThat(json(4)).isEqualTo(JSON.readTree("""
                {"event":{"contentEnd":{"promptName":"prompt","contentName":"c1"}}}"""));
        assertThat(((InputEvent.ContentStart) events.get(5)).role()).isEqualTo(Role.USER);
        assertThat(((InputEvent.ContentStart) events.get(5)).interactive()).isFalse();
        assertThat(((InputEvent.TextInput) events.get(6)).content()).isEqualTo("Hi");
        assertThat(((InputEvent.ContentStart) events.get(8)).role()).isEqualTo(Role.ASSISTANT);
    }

    @Test
    void theSpeechPromptFollowsTheSystemPromptAsANonInteractiveSystemSpeechBlock() {
        InputSequencer sequencer = sequencer(NovaSonicSettings.builder()
                .systemPrompt("Be brief.")
                .speechPrompt("Speak slowly and warmly.")
                .build());

        sequencer.start();

        assertThat(names())
                .containsExactly(
                        "sessionStart",
                        "promptStart",
                        "contentStart",
                        "textInput",
                        "contentEnd",
                        "contentStart",
                        "textInput",
                        "contentEnd");
        assertThat(json(2).at("/event/contentStart/role").asString()).isEqualTo("SYSTEM");
        assertThat(json(5).at("/event/contentStart/role").asString()).isEqualTo("SYSTEM_SPEECH");
        assertThat(json(5).at("/event/contentStart/interactive").asBoolean()).isFalse();
        assertThat(json(6).at("/event/textInput/content").asString()).isEqualTo("Speak slowly and warmly.");
    }

    @Test
    void liveTextIsOneInteractiveUserBlockBetweenAudioEvents() {
        InputSequencer sequencer = opened();
        sequencer.sendAudio(new byte[1024]);

        sequencer.sendText(Role.USER, true, "Press 1");
        sequencer.sendAudio(new byte[1024]);

        assertThat(names())
                .containsExactly("contentStart", "audioInput", "contentStart", "textInput", "contentEnd", "audioInput");
        assertThat(json(2).at("/event/contentStart/interactive").asBoolean()).isTrue();
        assertThat(json(2).at("/event/contentStart/role").asString()).isEqualTo("USER");
    }

    @Test
    void toolResultsAreHandedOverAsOneUrgentBlock() {
        List<List<InputEvent>> urgent = new ArrayList<>();
        InputSequencer sequencer = new InputSequencer(
                NovaSonicSettings.builder().systemPrompt("").build(), "prompt", this::nextName, new InputSink() {
                    @Override
                    public void accept(InputEvent event) {
                        events.add(event);
                    }

                    @Override
                    public void acceptUrgent(List<InputEvent> block) {
                        urgent.add(block);
                    }
                });
        sequencer.start();

        sequencer.sendToolResult("tool-1", "{\"forecast\":\"sunny\"}");

        assertThat(urgent)
                .singleElement()
                .satisfies(block -> assertThat(block)
                        .extracting(InputEvent::eventName)
                        .containsExactly("contentStart", "toolResult", "contentEnd"));
    }

    @Test
    void noToolsNoToolConfigurationAndBlankSystemPromptNoBlock() {
        InputSequencer sequencer =
                sequencer(NovaSonicSettings.builder().systemPrompt("").build());

        sequencer.open(new HistoryShaper().shape(List.of()));

        assertThat(names()).containsExactly("sessionStart", "promptStart");
        assertThat(json(1).at("/event/promptStart").has("toolConfiguration")).isFalse();
    }

    @Test
    void audioOpensItsBlockOnceAndIsCutInto32MillisecondEvents() {
        InputSequencer sequencer = opened();

        sequencer.sendAudio(new byte[1500]);
        sequencer.sendAudio(new byte[1000]);

        assertThat(names()).containsExactly("contentStart", "audioInput", "audioInput");
        InputEvent.ContentStart start = (InputEvent.ContentStart) events.get(0);
        assertThat(json(0)).isEqualTo(JSON.readTree("""
                {"event":{"contentStart":{"promptName":"prompt","contentName":"c1","type":"AUDIO","interactive":true,
                  "role":"USER","audioInputConfiguration":{"mediaType":"audio/lpcm","sampleRateHertz":16000,
                  "sampleSizeBits":16,"channelCount":1,"audioType":"SPEECH","encoding":"base64"}}}}"""));
        assertThat(((InputEvent.AudioInput) events.get(1)).pcm()).hasSize(1024);
        assertThat(((InputEvent.AudioInput) events.get(2)).contentName()).isEqualTo(start.contentName());
    }

    @Test
    void closesWithTheRestOfTheAudioThenAudioEndPromptEndSessionEnd() {
        InputSequencer sequencer = opened();
        sequencer.sendAudio(new byte[1100]);

        sequencer.close();
        sequencer.close();

        assertThat(names())
                .containsExactly("contentStart", "audioInput", "audioInput", "contentEnd", "promptEnd", "sessionEnd");
        assertThat(((InputEvent.AudioInput) events.get(2)).pcm()).hasSize(76);
        assertThat(((InputEvent.ContentEnd) events.get(3)).contentName()).isEqualTo("c1");
        assertThat(json(4)).isEqualTo(JSON.readTree("{\"event\":{\"promptEnd\":{\"promptName\":\"prompt\"}}}"));
        assertThat(json(5)).isEqualTo(JSON.readTree("{\"event\":{\"sessionEnd\":{}}}"));
        assertThat(sequencer.isClosed()).isTrue();
        assertThatThrownBy(() -> sequencer.sendAudio(new byte[2])).hasMessageContaining("closed");
    }

    @Test
    void closingWithoutAudioSendsNoAudioEnd() {
        InputSequencer sequencer = opened();

        sequencer.close();

        assertThat(names()).containsExactly("promptEnd", "sessionEnd");
    }

    @Test
    void interactiveTextAndToolResultsAreWholeBlocksBetweenAudioEvents() {
        InputSequencer sequencer = opened();
        sequencer.sendAudio(new byte[1024]);

        sequencer.sendText(Role.USER, true, "What's the weather?");
        sequencer.sendToolResult("use-1", "{\"result\":\"sunny\"}");
        sequencer.sendAudio(new byte[1024]);

        assertThat(names())
                .containsExactly(
                        "contentStart",
                        "audioInput",
                        "contentStart",
                        "textInput",
                        "contentEnd",
                        "contentStart",
                        "toolResult",
                        "contentEnd",
                        "audioInput");
        assertThat(json(2).at("/event/contentStart/interactive").booleanValue()).isTrue();
        assertThat(json(5)).isEqualTo(JSON.readTree("""
                {"event":{"contentStart":{"promptName":"prompt","contentName":"c3","type":"TOOL","interactive":false,
                  "role":"TOOL","toolResultInputConfiguration":{"toolUseId":"use-1","type":"TEXT",
                  "textInputConfiguration":{"mediaType":"text/plain"}}}}}"""));
        assertThat(json(6)).isEqualTo(JSON.readTree("""
                {"event":{"toolResult":{"promptName":"prompt","contentName":"c3","content":"{\\"result\\":\\"sunny\\"}"}}}"""));
    }

    @Test
    void longTextIsSplitIntoKilobytePieces() {
        InputSequencer sequencer = opened();

        sequencer.sendText(Role.USER, true, "x".repeat(2500));

        assertThat(names()).containsExactly("contentStart", "textInput", "textInput", "textInput", "contentEnd");
    }

    @Test
    void audioAndBlocksWaitForAnOpenTextBlockToEnd() {
        InputSequencer sequencer = opened();
        sequencer.sendAudio(new byte[1024]);

        InputSequencer.TextBlock block = sequencer.openTextBlock(Role.USER, true);
        block.append("first ");
        sequencer.sendAudio(new byte[1024]);
        sequencer.sendToolResult("use-1", "{}");
        sequencer.sendAudio(new byte[1024]);
        block.append("second");
        assertThat(names()).containsExactly("contentStart", "audioInput", "contentStart", "textInput", "textInput");

        block.close();

        assertThat(names())
                .containsExactly(
                        "contentStart",
                        "audioInput",
                        "contentStart",
                        "textInput",
                        "textInput",
                        "contentEnd",
                        "audioInput",
                        "contentStart",
                        "toolResult",
                        "contentEnd",
                        "audioInput");
        assertThatThrownBy(() -> block.append("late")).hasMessageContaining("closed");
    }

    @Test
    void closeEndsAnOpenTextBlockAndSendsWhatWaited() {
        InputSequencer sequencer = opened();
        InputSequencer.TextBlock block = sequencer.openTextBlock(Role.USER, true);
        sequencer.sendAudio(new byte[1024]);

        sequencer.close();

        assertThat(names())
                .containsExactly(
                        "contentStart",
                        "contentEnd",
                        "contentStart",
                        "audioInput",
                        "contentEnd",
                        "promptEnd",
                        "sessionEnd");
        block.close();
        assertThat(events).hasSize(7);
    }

    @Test
    void historyCanFollowAPreOpenedStartButNeverAudio() {
        InputSequencer sequencer =
                sequencer(NovaSonicSettings.builder().systemPrompt("Be brief.").build());
        sequencer.start();
        assertThat(names()).containsExactly("sessionStart", "promptStart", "contentStart", "textInput", "contentEnd");

        sequencer.sendHistory(new HistoryShaper().shape(List.of(Turn.user("Hi"))));
        sequencer.sendAudio(new byte[1024]);

        assertThat(names()).endsWith("contentStart", "textInput", "contentEnd", "contentStart", "audioInput");
        assertThatThrownBy(() -> sequencer.sendHistory(new HistoryShaper().shape(List.of())))
                .hasMessageContaining("only be sent once");
    }

    @Test
    void historyAfterAudioIsRefused() {
        InputSequencer sequencer = sequencer(NovaSonicSettings.defaults());
        sequencer.start();
        sequencer.sendAudio(new byte[1024]);

        assertThatThrownBy(() -> sequencer.sendHistory(new HistoryShaper().shape(List.of(Turn.user("late")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before any audio");
    }

    @Test
    void waitingAudioIsBounded() {
        InputSequencer sequencer =
                new InputSequencer(NovaSonicSettings.defaults(), "prompt", this::nextName, events::add, 2048);
        sequencer.open(new HistoryShaper().shape(List.of()));
        sequencer.openTextBlock(Role.USER, true);
        sequencer.sendAudio(new byte[2048]);

        assertThatThrownBy(() -> sequencer.sendAudio(new byte[2]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2048 bytes");
    }

    @Test
    void nothingBeforeOpenAndOnlyOneOpen() {
        InputSequencer sequencer = sequencer(NovaSonicSettings.defaults());

        assertThatThrownBy(() -> sequencer.sendAudio(new byte[2])).hasMessageContaining("not opened");
        sequencer.open(new HistoryShaper().shape(List.of()));
        assertThatThrownBy(() -> sequencer.open(new HistoryShaper().shape(List.of())))
                .hasMessageContaining("already opened");
    }

    @Test
    void concurrentWritersNeverSplitATextBlock() throws InterruptedException {
        InputSequencer sequencer =
                new InputSequencer(NovaSonicSettings.defaults(), "prompt", this::nextName, this::record);
        sequencer.open(new HistoryShaper().shape(List.of()));
        synchronized (events) {
            events.clear();
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int writer = 0; writer < 4; writer++) {
            boolean audio = writer % 2 == 0;
            pool.execute(() -> {
                awaitQuietly(start);
                for (int i = 0; i < 200; i++) {
                    if (audio) {
                        sequencer.sendAudio(new byte[1024]);
                    } else {
                        sequencer.sendText(Role.USER, true, "x".repeat(1500));
                    }
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        boolean inText = false;
        int audioEvents = 0;
        synchronized (events) {
            for (InputEvent event : events) {
                if (event instanceof InputEvent.ContentStart
                        && ((InputEvent.ContentStart) event).configuration() instanceof TextInputConfiguration) {
                    assertThat(inText).isFalse();
                    inText = true;
                } else if (event instanceof InputEvent.ContentEnd && inText) {
                    inText = false;
                } else if (event instanceof InputEvent.AudioInput) {
                    assertThat(inText).as("audioInput inside a TEXT block").isFalse();
                    audioEvents++;
                }
            }
        }
        assertThat(audioEvents).isEqualTo(400);
    }

    private void record(InputEvent event) {
        synchronized (events) {
            events.add(event);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private InputSequencer opened() {
        InputSequencer sequencer =
                sequencer(NovaSonicSettings.builder().systemPrompt("").build());
        sequencer.open(new HistoryShaper().shape(List.of()));
        events.clear();
        names.set(0);
        return sequencer;
    }

    private InputSequencer sequencer(NovaSonicSettings settings) {
        return new InputSequencer(settings, "prompt", this::nextName, events::add);
    }

    private String nextName() {
        return "c" + names.incrementAndGet();
    }

    private List<String> names() {
        return events.stream().map(InputEvent::eventName).toList();
    }

    private JsonNode json(int index) {
        return JSON.readTree(codec.encode(events.get(index)));
    }
}
