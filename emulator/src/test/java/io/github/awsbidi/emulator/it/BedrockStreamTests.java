package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.EmulatorConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamInput;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithBidirectionalStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** Bedrock InvokeModelWithBidirectionalStream against the scripted Nova 2 Sonic, over h2c and TLS. */
@ParameterizedClass(name = "tls={0}")
@ValueSource(booleans = {false, true})
class BedrockStreamTests {

    @Parameter
    boolean tls;

    @BeforeEach
    void speedUpTheSimulatedModel() {
        // The scripted model paces its turns in real time; a twentieth keeps the event order and shapes.
        SharedEmulators.emulator(tls)
                .reconfigure(config -> config.bedrockModel(
                                EmulatorConfig.NOVA_2_SONIC,
                                model -> model.withNovaSonic(model.novaSonic().toBuilder()
                                        .timeScale(0.05)
                                        .build()))
                        .bedrockModel(
                                EmulatorConfig.NOVA_2_5_SONIC,
                                model -> model.withNovaSonic(model.novaSonic().toBuilder()
                                        .timeScale(0.05)
                                        .build())));
    }

    @Test
    void nova25SonicAnswersWithTheSameProtocol() throws Exception {
        Sinks.Many<String> input = Sinks.many().unicast().onBackpressureBuffer();
        List<String> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = invoke("amazon.nova-2-5-sonic", input.asFlux(), chunk -> {
            events.add(chunk);
            if (NovaSonicEvents.name(chunk).equals("completionEnd")) {
                input.tryEmitNext(NovaSonicEvents.promptEnd());
                input.tryEmitNext(NovaSonicEvents.sessionEnd());
                input.tryEmitComplete();
            }
        });
        List.of(
                        NovaSonicEvents.sessionStart(),
                        NovaSonicEvents.promptStart(),
                        NovaSonicEvents.textContentStart("system", "SYSTEM", false),
                        NovaSonicEvents.textInput("system", "You are a friendly assistant."),
                        NovaSonicEvents.contentEnd("system"),
                        NovaSonicEvents.textContentStart("question", "USER", true),
                        NovaSonicEvents.textInput("question", "Hello 2.5"),
                        NovaSonicEvents.contentEnd("question"))
                .forEach(input::tryEmitNext);

        done.get(30, TimeUnit.SECONDS);

        assertThat(collapseRepeats(events.stream().map(NovaSonicEvents::name).toList()))
                .containsExactly(
                        "completionStart",
                        "contentStart",
                        "textOutput",
                        "contentEnd",
                        "contentStart",
                        "textOutput",
                        "contentEnd",
                        "contentStart",
                        "audioOutput",
                        "contentEnd",
                        "contentStart",
                        "textOutput",
                        "contentEnd",
                        "usageEvent",
                        "completionEnd");
    }

    @Test
    void interactiveUserTextGetsACompleteTurnAndTheSessionEndsCleanly() throws Exception {
        Sinks.Many<String> input = Sinks.many().unicast().onBackpressureBuffer();
        List<String> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = invoke(EmulatorConfig.NOVA_2_SONIC, input.asFlux(), chunk -> {
            events.add(chunk);
            if (NovaSonicEvents.name(chunk).equals("completionEnd")) {
                input.tryEmitNext(NovaSonicEvents.promptEnd());
                input.tryEmitNext(NovaSonicEvents.sessionEnd());
                input.tryEmitComplete();
            }
        });
        List.of(
                        NovaSonicEvents.sessionStart(),
                        NovaSonicEvents.promptStart(),
                        NovaSonicEvents.textContentStart("system", "SYSTEM", false),
                        NovaSonicEvents.textInput("system", "You are a friendly assistant."),
                        NovaSonicEvents.contentEnd("system"),
                        NovaSonicEvents.textContentStart("question", "USER", true),
                        NovaSonicEvents.textInput("question", "How are you?"),
                        NovaSonicEvents.contentEnd("question"))
                .forEach(input::tryEmitNext);

        done.get(30, TimeUnit.SECONDS);

        assertThat(collapseRepeats(events.stream().map(NovaSonicEvents::name).toList()))
                .containsExactly(
                        "completionStart",
                        "contentStart",
                        "textOutput",
                        "contentEnd",
                        "contentStart",
                        "textOutput",
                        "contentEnd",
                        "contentStart",
                        "audioOutput",
                        "contentEnd",
                        "contentStart",
                        "textOutput",
                        "contentEnd",
                        "usageEvent",
                        "completionEnd");
        List<String> textRoles = events.stream()
                .filter(e -> NovaSonicEvents.name(e).equals("textOutput"))
                .map(e -> NovaSonicEvents.body(e).path("role").asString())
                .toList();
        assertThat(textRoles).containsExactly("USER", "ASSISTANT", "ASSISTANT");
        String audioStart = events.stream()
                .filter(e -> NovaSonicEvents.name(e).equals("contentStart")
                        && NovaSonicEvents.body(e).path("type").asString().equals("AUDIO"))
                .findFirst()
                .orElseThrow();
        assertThat(NovaSonicEvents.body(audioStart)
                        .path("audioOutputConfiguration")
                        .path("sampleRateHertz")
                        .asInt())
                .isEqualTo(24_000);
        byte[] pcm = events.stream()
                .filter(e -> NovaSonicEvents.name(e).equals("audioOutput"))
                .map(e -> Base64.getDecoder()
                        .decode(NovaSonicEvents.body(e).path("content").asString()))
                .reduce(new byte[0], BedrockStreamTests::concat);
        assertThat(pcm.length).isEven().isGreaterThan(24_000 * 2 / 10);
        assertThat(rms(pcm)).isGreaterThan(0.01);
    }

    @Test
    void audioInsideATextContentIsAValidationException() throws Exception {
        CompletableFuture<Void> done = invoke(
                EmulatorConfig.NOVA_2_SONIC,
                Streams.thenHold(
                        NovaSonicEvents.sessionStart(),
                        NovaSonicEvents.promptStart(),
                        NovaSonicEvents.textContentStart("system", "SYSTEM", false),
                        NovaSonicEvents.audioInput("system", Base64.getEncoder().encodeToString(new byte[640]))),
                chunk -> {});

        Throwable failure = failure(done);

        assertThat(failure).isInstanceOf(ValidationException.class);
    }

    @Test
    void novaSonicV1HasReachedEndOfLife() throws Exception {
        Throwable failure =
                failure(invoke(EmulatorConfig.NOVA_SONIC_V1, Flux.just(NovaSonicEvents.sessionStart()), chunk -> {}));

        assertThat(failure)
                .isInstanceOfSatisfying(
                        ResourceNotFoundException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void unknownModelIdIsAValidationException() throws Exception {
        Throwable failure =
                failure(invoke("amazon.no-such-model-v9:0", Flux.just(NovaSonicEvents.sessionStart()), chunk -> {}));

        assertThat(failure).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.getMessage()).contains("model identifier is invalid");
        });
    }

    private CompletableFuture<Void> invoke(
            String modelId, org.reactivestreams.Publisher<String> chunks, java.util.function.Consumer<String> onChunk) {
        return SharedEmulators.clients(tls)
                .bedrock
                .invokeModelWithBidirectionalStream(
                        InvokeModelWithBidirectionalStreamRequest.builder()
                                .modelId(modelId)
                                .build(),
                        Flux.from(chunks)
                                .map(text -> InvokeModelWithBidirectionalStreamInput.chunkBuilder()
                                        .bytes(SdkBytes.fromUtf8String(text))
                                        .build()),
                        InvokeModelWithBidirectionalStreamResponseHandler.builder()
                                .subscriber(InvokeModelWithBidirectionalStreamResponseHandler.Visitor.builder()
                                        .onChunk(chunk ->
                                                onChunk.accept(chunk.bytes().asUtf8String()))
                                        .build())
                                .build());
    }

    private static Throwable failure(CompletableFuture<Void> done) throws Exception {
        return new Streams.BedrockResult(List.of(), done, new CompletableFuture<>()).failure();
    }

    private static List<String> collapseRepeats(List<String> names) {
        List<String> collapsed = new ArrayList<>();
        for (String name : names) {
            if (collapsed.isEmpty() || !collapsed.get(collapsed.size() - 1).equals(name)) {
                collapsed.add(name);
            }
        }
        return collapsed;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static double rms(byte[] pcm) {
        ByteBuffer samples = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        double sum = 0;
        int count = pcm.length / 2;
        for (int i = 0; i < count; i++) {
            double sample = samples.getShort() / 32768.0;
            sum += sample * sample;
        }
        return Math.sqrt(sum / count);
    }
}
