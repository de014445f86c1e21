package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.listener.Outcome;
import io.github.awsbidi.core.record.Cassette;
import io.github.awsbidi.core.record.CassetteEvent;
import io.github.awsbidi.core.record.CassetteRecorder;
import io.github.awsbidi.core.retry.RetryPolicy;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.config.BedrockModel;
import io.github.awsbidi.emulator.config.Cassettes;
import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.config.SageMakerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Record an exchange against the emulator's own models with {@link CassetteRecorder}, then replay the cassette from
 * a second emulator that knows nothing but the cassette, through an unchanged client: same responses, same errors.
 */
class CassetteRoundTripTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tapes;

    private BidiEmulator live;
    private BidiClientFactory factory;

    @BeforeEach
    void startLiveEmulator() {
        live = BidiEmulator.start(EmulatorConfig.builder()
                .sagemakerEndpoint(
                        "echo-broken",
                        SageMakerEndpoint.of("echo")
                                .withFaults(
                                        Faults.none().withInStreamError("ModelStreamError", 2, "container crashed")))
                .bedrockModel(
                        "echo.timeout-v1:0",
                        BedrockModel.echo()
                                .withFaults(
                                        Faults.none().withInStreamError("modelTimeoutException", 1, "stream too long")))
                .bedrockModel(
                        "echo.throttled-v1:0",
                        BedrockModel.echo()
                                .withFaults(
                                        Faults.none().withOpenError("ThrottlingException", -1, "Too many requests")))
                .bedrockModel(
                        EmulatorConfig.NOVA_2_SONIC,
                        model -> model.withNovaSonic(
                                model.novaSonic().toBuilder().timeScale(0.05).build()))
                .build());
        factory = BidiClientFactory.builder().build();
    }

    @AfterEach
    void stop() {
        factory.close();
        live.close();
    }

    private static ConnectionSettings connection(BidiEmulator emulator) {
        return new ConnectionSettings(
                Region.of(emulator.region()),
                emulator.endpoint(),
                StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())));
    }

    private SessionOptions recording() {
        return SessionOptions.defaults().withListener(new CassetteRecorder(tapes));
    }

    private SageMakerSession sageMaker(
            BidiEmulator emulator, SageMakerSessionSettings settings, SessionOptions options) {
        return SageMakerSession.create("transcriber", factory.sageMaker(connection(emulator)), settings, options);
    }

    private BedrockSession bedrock(BidiEmulator emulator, String modelId, SessionOptions options) {
        return BedrockSession.create(
                "assistant", factory.bedrock(connection(emulator)), BedrockSessionSettings.of(modelId), options);
    }

    /** The one cassette the recorder wrote, once the exchange has ended. */
    private Cassette recorded() throws IOException {
        await().atMost(TIMEOUT).until(() -> cassetteFiles().size() == 1);
        return Cassette.read(cassetteFiles().get(0));
    }

    private List<Path> cassetteFiles() throws IOException {
        try (Stream<Path> files = Files.list(tapes)) {
            return files.filter(file -> file.toString().endsWith(".jsonl")).toList();
        }
    }

    private BidiEmulator replaying(Function<Cassettes, Cassettes> settings) {
        return BidiEmulator.start(EmulatorConfig.builder()
                .cassettes(settings.apply(Cassettes.none().withDirectory(tapes)))
                .build());
    }

    private static List<String> describe(List<Frame> frames) {
        return frames.stream()
                .map(frame -> frame.type() + "/" + (frame.last() ? "COMPLETE" : "PARTIAL") + "/"
                        + java.util.HexFormat.of().formatHex(frame.toByteArray()))
                .toList();
    }

    private static List<Frame> audioExchange() {
        return List.of(
                Frame.text("{\"start\":true}"),
                new Frame(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), DataType.BINARY, false, null),
                Frame.binary(new byte[] {5, 6}));
    }

    @Test
    void sageMakerEchoRecordedThenReplayedGivesTheSameResponses() throws IOException {
        SageMakerSessionSettings settings = SageMakerSessionSettings.of("echo")
                .withModelInvocationPath("v1/listen")
                .withModelQueryString("language=en");
        List<Frame> original = sageMaker(live, settings, recording())
                .exchange(Flux.fromIterable(audioExchange()))
                .collectList()
                .block(TIMEOUT);
        Cassette cassette = recorded();

        assertThat(cassette.target()).isEqualTo(Target.sageMaker("us-east-1", "echo", null));
        assertThat(cassette.modelInvocationPath()).isEqualTo("v1/listen");
        assertThat(cassette.modelQueryString()).isEqualTo("language=en");
        assertThat(cassette.session()).isEqualTo("transcriber");
        assertThat(describe(cassette.requests())).isEqualTo(describe(audioExchange()));
        assertThat(describe(cassette.responses())).isEqualTo(describe(original));
        // Request frames may leave before the answer arrives: the answer is somewhere, once.
        assertThat(cassette.events())
                .filteredOn(CassetteEvent.Answered.class::isInstance)
                .singleElement()
                .extracting(event -> ((CassetteEvent.Answered) event).invokedVariant())
                .isEqualTo("variant-1");
        assertThat(cassette.events()).anyMatch(CassetteEvent.RequestsCompleted.class::isInstance);
        assertThat(cassette.end().outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(Files.readString(cassetteFiles().get(0)))
                .doesNotContain("AWS4-HMAC-SHA256")
                .doesNotContain(live.secretAccessKey() + "\"")
                .doesNotContainIgnoringCase("signature");

        try (BidiEmulator replay = replaying(c -> c.withMatching(Cassettes.Matching.EXACT))) {
            SageMakerSession unchanged = sageMaker(replay, settings, SessionOptions.defaults());
            List<Frame> replayed = unchanged
                    .exchange(Flux.fromIterable(audioExchange()))
                    .collectList()
                    .block(TIMEOUT);
            assertThat(describe(replayed)).isEqualTo(describe(original)).hasSize(3);
        }
    }

    @Test
    void divergingRequestFailsNamingTheFrameIndex() throws IOException {
        SageMakerSessionSettings settings = SageMakerSessionSettings.of("echo");
        sageMaker(live, settings, recording())
                .exchange(Flux.fromIterable(audioExchange()))
                .blockLast(TIMEOUT);
        recorded();

        try (BidiEmulator replay = replaying(c -> c.withTimeScale(0))) {
            List<Frame> other = List.of(audioExchange().get(0), Frame.binary(new byte[] {1, 2, 3}));
            Throwable failure = catchFailure(
                    sageMaker(replay, settings, SessionOptions.defaults().withRetryPolicy(RetryPolicy.none())),
                    Flux.fromIterable(other).concatWith(Flux.never()));

            assertThat(failure).isInstanceOfSatisfying(BidiStreamException.class, bidi -> {
                assertThat(bidi.kind()).isEqualTo(ErrorKind.MODEL_STREAM_ERROR);
                assertThat(bidi.errorCode()).contains("CassetteMismatch");
                assertThat(bidi.detail())
                        .contains("request frame 1 differs from the recording: recorded BINARY, "
                                + "PARTIAL, 4 bytes, sent BINARY, COMPLETE, 3 bytes");
            });
        }
    }

    @Test
    void sageMakerStreamErrorReplaysAsTheSameTypedError() throws IOException {
        SageMakerSessionSettings settings = SageMakerSessionSettings.of("echo-broken");
        SessionOptions noRetry = SessionOptions.defaults().withRetryPolicy(RetryPolicy.none());
        Throwable original = catchFailure(
                sageMaker(live, settings, noRetry.withListener(new CassetteRecorder(tapes))),
                Flux.fromIterable(audioExchange()).concatWith(Flux.never()));
        Cassette cassette = recorded();
        assertThat(cassette.end().error()).isNotNull();

        try (BidiEmulator replay = replaying(c -> c.withTimeScale(0))) {
            Throwable replayed = catchFailure(
                    sageMaker(replay, settings, noRetry),
                    Flux.fromIterable(audioExchange()).concatWith(Flux.never()));
            assertSameError(replayed, original, ErrorKind.MODEL_STREAM_ERROR);
        }
    }

    @Test
    void bedrockEchoAndItsErrorsReplay() throws IOException {
        List<Frame> events = List.of(Frame.json("{\"event\":{\"sessionStart\":{}}}"), Frame.json("{\"n\":2}"));
        List<Frame> original = bedrock(live, "echo.cassette-v1:0", recording())
                .exchange(Flux.fromIterable(events))
                .collectList()
                .block(TIMEOUT);
        assertThat(recorded().target()).isEqualTo(Target.bedrock("us-east-1", "echo.cassette-v1:0"));
        Path echoCassette = cassetteFiles().get(0);
        Files.move(echoCassette, tapes.resolve("echo.jsonl.kept"));

        SessionOptions noRetry = SessionOptions.defaults().withRetryPolicy(RetryPolicy.none());
        Throwable timeout = catchFailure(
                bedrock(live, "echo.timeout-v1:0", noRetry.withListener(new CassetteRecorder(tapes))),
                Flux.just(events.get(0)).concatWith(Flux.never()));
        recorded();
        Files.move(cassetteFiles().get(0), tapes.resolve("timeout.jsonl.kept"));
        Throwable throttled = catchFailure(
                bedrock(live, "echo.throttled-v1:0", noRetry.withListener(new CassetteRecorder(tapes))), Flux.never());
        assertThat(recorded().events()).noneMatch(CassetteEvent.Answered.class::isInstance);
        Files.move(tapes.resolve("echo.jsonl.kept"), tapes.resolve("echo.jsonl"));
        Files.move(tapes.resolve("timeout.jsonl.kept"), tapes.resolve("timeout.jsonl"));

        try (BidiEmulator replay = replaying(c -> c.withTimeScale(0))) {
            List<Frame> replayed = bedrock(replay, "echo.cassette-v1:0", SessionOptions.defaults())
                    .exchange(Flux.fromIterable(events))
                    .collectList()
                    .block(TIMEOUT);
            assertThat(describe(replayed)).isEqualTo(describe(original)).hasSize(2);
            assertSameError(
                    catchFailure(
                            bedrock(replay, "echo.timeout-v1:0", noRetry),
                            Flux.just(events.get(0)).concatWith(Flux.never())),
                    timeout,
                    ErrorKind.MODEL_TIMEOUT);
            assertSameError(
                    catchFailure(bedrock(replay, "echo.throttled-v1:0", noRetry), Flux.never()),
                    throttled,
                    ErrorKind.THROTTLING);
        }
    }

    @Test
    void novaSonicTurnRecordedThenReplayed() throws IOException {
        List<Frame> original = novaSonicTurn(bedrock(live, EmulatorConfig.NOVA_2_SONIC, recording()));
        Cassette cassette = recorded();
        assertThat(original)
                .anyMatch(frame -> frame.asString().contains("audioOutput"))
                .anyMatch(frame -> frame.asString().contains("completionEnd"));
        assertThat(cassette.end().outcome()).isEqualTo(Outcome.COMPLETED);

        try (BidiEmulator replay =
                replaying(c -> c.withMatching(Cassettes.Matching.EXACT).withTimeScale(0.2))) {
            List<Frame> replayed =
                    novaSonicTurn(bedrock(replay, EmulatorConfig.NOVA_2_SONIC, SessionOptions.defaults()));
            assertThat(describe(replayed)).isEqualTo(describe(original));
        }
    }

    /** One text turn; the client ends the prompt and session once the model's completion has ended. */
    private static List<Frame> novaSonicTurn(BidirectionalSession session) {
        Sinks.Many<Frame> input = Sinks.many().unicast().onBackpressureBuffer();
        String prompt = "\"promptName\":\"prompt-1\"";
        Stream.of(
                        "{\"event\":{\"sessionStart\":{\"inferenceConfiguration\":{\"maxTokens\":1024,\"topP\":0.9,"
                                + "\"temperature\":0.7}}}}",
                        "{\"event\":{\"promptStart\":{" + prompt
                                + ",\"textOutputConfiguration\":{\"mediaType\":\"text/plain\"},"
                                + "\"audioOutputConfiguration\":{\"mediaType\":\"audio/lpcm\",\"sampleRateHertz\":24000,"
                                + "\"sampleSizeBits\":16,\"channelCount\":1,\"voiceId\":\"matthew\",\"encoding\":\"base64\","
                                + "\"audioType\":\"SPEECH\"}}}}",
                        "{\"event\":{\"contentStart\":{" + prompt + ",\"contentName\":\"system\",\"type\":\"TEXT\","
                                + "\"interactive\":false,\"role\":\"SYSTEM\",\"textInputConfiguration\":{\"mediaType\":"
                                + "\"text/plain\"}}}}",
                        "{\"event\":{\"textInput\":{" + prompt
                                + ",\"contentName\":\"system\",\"content\":\"Be brief.\"}}}",
                        "{\"event\":{\"contentEnd\":{" + prompt + ",\"contentName\":\"system\"}}}",
                        "{\"event\":{\"contentStart\":{" + prompt + ",\"contentName\":\"q\",\"type\":\"TEXT\","
                                + "\"interactive\":true,\"role\":\"USER\",\"textInputConfiguration\":{\"mediaType\":"
                                + "\"text/plain\"}}}}",
                        "{\"event\":{\"textInput\":{" + prompt
                                + ",\"contentName\":\"q\",\"content\":\"How are you?\"}}}",
                        "{\"event\":{\"contentEnd\":{" + prompt + ",\"contentName\":\"q\"}}}")
                .forEach(event -> input.tryEmitNext(Frame.json(event)));
        return session.exchange(input.asFlux())
                .doOnNext(frame -> {
                    if (frame.asString().contains("\"completionEnd\"")) {
                        input.tryEmitNext(Frame.json("{\"event\":{\"promptEnd\":{" + prompt + "}}}"));
                        input.tryEmitNext(Frame.json("{\"event\":{\"sessionEnd\":{}}}"));
                        input.tryEmitComplete();
                    }
                })
                .collectList()
                .block(TIMEOUT);
    }

    private static Throwable catchFailure(BidirectionalSession session, Flux<Frame> requests) {
        try {
            session.exchange(requests, ExchangeOptions.defaults()).blockLast(TIMEOUT);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the exchange completed");
    }

    private static void assertSameError(Throwable replayed, Throwable original, ErrorKind kind) {
        assertThat(original).isInstanceOf(BidiStreamException.class);
        BidiStreamException recorded = (BidiStreamException) original;
        assertThat(recorded.kind()).isEqualTo(kind);
        assertThat(replayed).isInstanceOfSatisfying(BidiStreamException.class, bidi -> {
            assertThat(bidi.kind()).isEqualTo(recorded.kind());
            assertThat(bidi.errorCode()).isEqualTo(recorded.errorCode());
            assertThat(bidi.statusCode()).isEqualTo(recorded.statusCode());
            assertThat(bidi.retryable()).isEqualTo(recorded.retryable());
            assertThat(bidi.detail()).isEqualTo(recorded.detail());
        });
    }
}
