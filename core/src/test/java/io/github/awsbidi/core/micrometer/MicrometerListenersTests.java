package io.github.awsbidi.core.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.core.retry.RetryPolicy;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.config.Faults;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Meters and observations recorded over real exchanges with the emulator. */
class MicrometerListenersTests {

    private static BidiEmulator emulator;
    private static BidiClientFactory clients;
    private static ConnectionSettings connection;

    @BeforeAll
    static void start() {
        emulator = BidiEmulator.start(EmulatorConfig.builder()
                .bedrockModel(
                        "echo.failing-v1:0",
                        model -> model.withFaults(
                                Faults.none().withInStreamError("throttlingException", 1, "Too many requests")))
                .build());
        clients = BidiClientFactory.create();
        connection = ConnectionSettings.defaults()
                .withRegion(Region.of(emulator.region()))
                .withEndpointOverride(URI.create(emulator.endpoint().toString()))
                .withCredentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())));
    }

    @AfterAll
    static void stop() {
        clients.close();
        emulator.close();
    }

    @Test
    void metersCountFramesBytesAndLatenciesPerDirection() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BidirectionalSession session = bedrock("assistant", "echo.test-v1:0", new MeterExchangeListener(registry));

        List<Frame> responses = session.exchange(Flux.just(Frame.json("{\"a\":1}"), Frame.json("{\"b\":22}")))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(responses).hasSize(2);
        assertThat(registry.get("aws.bidi.frames")
                        .tags("session", "assistant", "service", "bedrock", "direction", "outbound")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("aws.bidi.frames")
                        .tags("direction", "inbound")
                        .counter()
                        .count())
                .isEqualTo(2);
        var outboundSizes = registry.get("aws.bidi.frame.size")
                .tags("direction", "outbound")
                .summary();
        assertThat(outboundSizes.count()).isEqualTo(2);
        assertThat(outboundSizes.totalAmount()).isEqualTo("{\"a\":1}".length() + "{\"b\":22}".length());
        assertThat(registry.get("aws.bidi.exchange.first.response")
                        .tags("session", "assistant")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("aws.bidi.response.latency")
                        .tags("session", "assistant")
                        .timer()
                        .count())
                .isBetween(1L, 2L);
    }

    @Test
    void sageMakerLatencyStartsOnlyAtCompletingParts() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BidirectionalSession session = SageMakerSession.create(
                "echoer",
                clients.sageMaker(connection),
                SageMakerSessionSettings.of("echo"),
                SessionOptions.defaults().withListener(new MeterExchangeListener(registry)));
        // Two partial parts and one complete: the echo answers each, but only the complete one starts a latency sample.
        Frame partial = new Frame(
                java.nio.ByteBuffer.wrap(new byte[] {1}), io.github.awsbidi.core.DataType.BINARY, false, null);
        session.exchange(Flux.just(partial, partial, Frame.binary(new byte[] {2})))
                .take(3)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(registry.get("aws.bidi.frames")
                        .tags("service", "sagemaker", "direction", "inbound")
                        .counter()
                        .count())
                .isEqualTo(3);
        assertThat(registry.get("aws.bidi.response.latency")
                        .tags("session", "echoer")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void errorsAreCountedByKind() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BidirectionalSession session = bedrock("flaky", "echo.failing-v1:0", new MeterExchangeListener(registry));

        assertThatThrownBy(() -> session.exchange(Flux.just(Frame.json("{}"), Frame.json("{}")))
                        .blockLast(Duration.ofSeconds(30)))
                .isInstanceOf(BidiStreamException.class);

        await().untilAsserted(() ->
                assertThat(registry.find("aws.bidi.exchange.errors").counter()).isNotNull());
        assertThat(registry.get("aws.bidi.exchange.errors")
                        .tags("session", "flaky", "error.kind", "throttling")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void oneObservationPerExchangeWithGenAiKeysForBedrock() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        BidirectionalSession session =
                bedrock("assistant", "echo.test-v1:0", new ObservationExchangeListener(registry));

        session.exchange(Flux.just(Frame.json("{}"))).blockLast(Duration.ofSeconds(30));

        await().untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo("aws.bidi.exchange")
                .that()
                .hasBeenStopped());
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("aws.bidi.exchange", 1)
                .hasObservationWithNameEqualTo("aws.bidi.exchange")
                .that()
                .hasBeenStarted()
                .hasBeenStopped()
                .hasContextualNameEqualTo("chat echo.test-v1:0")
                .hasLowCardinalityKeyValue("session", "assistant")
                .hasLowCardinalityKeyValue("service", "bedrock")
                .hasLowCardinalityKeyValue("outcome", "completed")
                .hasLowCardinalityKeyValue("error.kind", "none")
                .hasLowCardinalityKeyValue("gen_ai.provider.name", "aws.bedrock")
                .hasLowCardinalityKeyValue("gen_ai.request.model", "echo.test-v1:0")
                .hasHighCardinalityKeyValue("aws.bidi.frames.sent", "1")
                .doesNotHaveLowCardinalityKeyValueWithKey("aws.bidi.exchange.id");
    }

    @Test
    void exchangeObservationIsAChildOfTheSubscribersObservation() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        BidirectionalSession session =
                bedrock("assistant", "echo.test-v1:0", new ObservationExchangeListener(registry));
        Observation request = Observation.start("http.server.requests", registry);

        try (Observation.Scope scope = request.openScope()) {
            session.exchange(Flux.just(Frame.json("{}"))).blockLast(Duration.ofSeconds(30));
        }
        request.stop();

        await().untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo("aws.bidi.exchange")
                .that()
                .hasBeenStopped());
        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo("aws.bidi.exchange")
                .that()
                .hasParentObservationEqualTo(request);
    }

    @Test
    void exchangeObservationIsAChildOfTheObservationInTheSubscribersReactorContext() {
        // WebFlux keeps the request's observation in the Reactor context, not in a thread-local.
        TestObservationRegistry registry = TestObservationRegistry.create();
        BidirectionalSession session =
                bedrock("assistant", "echo.test-v1:0", new ObservationExchangeListener(registry));
        Observation request = Observation.start("http.server.requests", registry);

        session.exchange(Flux.just(Frame.json("{}")))
                .contextWrite(context -> context.put(ObservationExchangeListener.OBSERVATION_CONTEXT_KEY, request))
                .blockLast(Duration.ofSeconds(30));
        request.stop();

        await().untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo("aws.bidi.exchange")
                .that()
                .hasBeenStopped());
        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo("aws.bidi.exchange")
                .that()
                .hasParentObservationEqualTo(request);
    }

    @Test
    void failedExchangeObservationCarriesTheErrorKind() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        BidirectionalSession session = bedrock("flaky", "echo.failing-v1:0", new ObservationExchangeListener(registry));

        assertThatThrownBy(() -> session.exchange(Flux.just(Frame.json("{}"), Frame.json("{}")))
                        .blockLast(Duration.ofSeconds(30)))
                .isInstanceOf(BidiStreamException.class);

        // The session tells its listeners after the subscriber has seen the error.
        await().untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo("aws.bidi.exchange")
                .that()
                .hasBeenStopped());
        TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo("aws.bidi.exchange")
                .that()
                .hasBeenStopped()
                .hasError()
                .hasLowCardinalityKeyValue("outcome", "error")
                .hasLowCardinalityKeyValue("error.kind", "throttling");
    }

    @Test
    void observationsBecomeTimerAndLongTaskTimerWithTheDefaultMeterHandler() {
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        BidirectionalSession session =
                bedrock("assistant", "echo.test-v1:0", new ObservationExchangeListener(registry));

        session.exchange(Flux.just(Frame.json("{}"))).blockLast(Duration.ofSeconds(30));

        await().untilAsserted(() -> assertThat(meters.find("aws.bidi.exchange")
                        .tags("session", "assistant", "outcome", "completed")
                        .timer())
                .isNotNull());
        assertThat(meters.get("aws.bidi.exchange")
                        .tags("session", "assistant", "outcome", "completed")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("aws.bidi.exchange.active").longTaskTimer().activeTasks())
                .isZero();
    }

    private static BidirectionalSession bedrock(String name, String modelId, ExchangeListener listener) {
        return BedrockSession.create(
                name,
                clients.bedrock(connection),
                BedrockSessionSettings.of(modelId),
                SessionOptions.defaults().withListener(listener).withRetryPolicy(RetryPolicy.none()));
    }
}
