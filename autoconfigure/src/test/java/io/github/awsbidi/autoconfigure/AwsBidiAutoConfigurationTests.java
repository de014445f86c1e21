package io.github.awsbidi.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.ExchangeGate;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.client.HttpClientSettings;
import io.github.awsbidi.core.listener.ExchangeContext;
import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.core.listener.Outcome;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.emulator.BidiEmulator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.sagemakerruntimehttp2.SageMakerRuntimeHttp2AsyncClientBuilder;

class AwsBidiAutoConfigurationTests {

    private static final String TRANSCRIBER = "aws.bidi.sagemaker.sessions.transcriber.";

    private static final String ASSISTANT = "aws.bidi.bedrock.sessions.assistant.";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AwsBidiAutoConfiguration.class))
            // Always a region: the SDK's chain would otherwise ask the EC2 metadata service.
            .withPropertyValues("aws.bidi.region=eu-west-1");

    @Test
    void registersOneSessionBeanPerEntryNamedAfterItsKey() {
        this.contextRunner
                .withPropertyValues(
                        TRANSCRIBER + "endpoint-name=my-asr",
                        TRANSCRIBER + "target-variant=variant-2",
                        TRANSCRIBER + "model-invocation-path=v1/listen",
                        TRANSCRIBER + "model-query-string=language=en",
                        ASSISTANT + "model-id=amazon.nova-2-sonic-v1:0")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(BidirectionalSession.class))
                            .containsOnlyKeys("transcriber", "assistant");
                    SageMakerSession transcriber = context.getBean("transcriber", SageMakerSession.class);
                    assertThat(transcriber.name()).isEqualTo("transcriber");
                    assertThat(transcriber.target()).isEqualTo(Target.sageMaker("eu-west-1", "my-asr", "variant-2"));
                    BedrockSession assistant = context.getBean("assistant", BedrockSession.class);
                    assertThat(assistant.target()).isEqualTo(Target.bedrock("eu-west-1", "amazon.nova-2-sonic-v1:0"));
                });
    }

    @Test
    void injectsSessionsByQualifier() {
        this.contextRunner
                .withPropertyValues(
                        TRANSCRIBER + "endpoint-name=my-asr", ASSISTANT + "model-id=amazon.nova-2-sonic-v1:0")
                .withUserConfiguration(QualifiedConsumer.class)
                .run(context -> {
                    QualifiedConsumer consumer = context.getBean(QualifiedConsumer.class);
                    assertThat(consumer.transcriber).isSameAs(context.getBean("transcriber"));
                    assertThat(consumer.assistant).isSameAs(context.getBean("assistant"));
                });
    }

    @Test
    void injectsTheOnlySessionByType() {
        this.contextRunner
                .withPropertyValues(ASSISTANT + "model-id=amazon.nova-2-sonic-v1:0")
                .withUserConfiguration(ByTypeConsumer.class)
                .run(context -> assertThat(context.getBean(ByTypeConsumer.class).session)
                        .isSameAs(context.getBean("assistant")));
    }

    @Test
    void registersNoSessionWithoutEntriesButKeepsTheClientFactory() {
        this.contextRunner.run(context -> {
            assertThat(context).doesNotHaveBean(BidirectionalSession.class);
            assertThat(context).hasSingleBean(BidiClientFactory.class);
            assertThat(context).hasSingleBean(PropertiesAwsBidiConnectionDetails.class);
        });
    }

    @Test
    void registersNothingWithoutTheAwsSdk() {
        this.contextRunner
                .withClassLoader(new FilteredClassLoader("software.amazon.awssdk."))
                .withPropertyValues(ASSISTANT + "model-id=amazon.nova-2-sonic-v1:0")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(BidirectionalSession.class);
                    assertThat(context).doesNotHaveBean(BidiClientFactory.class);
                    assertThat(context).doesNotHaveBean(AwsBidiConnectionDetails.class);
                });
    }

    @Test
    void registersNothingWithoutCore() {
        this.contextRunner
                .withClassLoader(new FilteredClassLoader(BidirectionalSession.class))
                .withPropertyValues(ASSISTANT + "model-id=amazon.nova-2-sonic-v1:0")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AwsBidiProperties.class));
    }

    @Test
    void backsOffToTheUsersClientFactoryAndBuildsSessionsOnIt() {
        BidiClientFactory own = BidiClientFactory.create();
        this.contextRunner
                .withBean(BidiClientFactory.class, () -> own)
                .withPropertyValues(ASSISTANT + "model-id=amazon.nova-2-sonic-v1:0")
                .run(context -> {
                    assertThat(context.getBean(BidiClientFactory.class)).isSameAs(own);
                    context.getBean("assistant");
                    assertThat(own.clientCount()).isEqualTo(1);
                });
    }

    @Test
    void closesItsClientFactoryWithTheContext() {
        List<BidiClientFactory> factories = new ArrayList<>();
        this.contextRunner
                .withPropertyValues(ASSISTANT + "model-id=amazon.nova-2-sonic-v1:0")
                .run(context -> {
                    factories.add(context.getBean(BidiClientFactory.class));
                    assertThat(factories.get(0).clientCount()).isEqualTo(1);
                });
        assertThat(factories.get(0).clientCount()).isZero();
    }

    @Test
    void aUserBeanWithASessionsNameReplacesTheSession() {
        try (BidiClientFactory clients = BidiClientFactory.create()) {
            BidirectionalSession own = BedrockSession.create(
                    "assistant",
                    clients.bedrock(ConnectionSettings.defaults().withRegion(Region.US_EAST_1)),
                    BedrockSessionSettings.of("echo-own"));
            this.contextRunner
                    .withBean("assistant", BidirectionalSession.class, () -> own)
                    .withPropertyValues(ASSISTANT + "model-id=amazon.nova-2-sonic-v1:0")
                    .run(context -> assertThat(context.getBean("assistant")).isSameAs(own));
        }
    }

    @Test
    void sharesOneClientBetweenSessionsOfTheSameConnection() {
        this.contextRunner
                .withPropertyValues(
                        ASSISTANT + "model-id=amazon.nova-2-sonic-v1:0",
                        "aws.bidi.bedrock.sessions.other.model-id=echo-1",
                        "aws.bidi.bedrock.sessions.far.model-id=echo-2",
                        "aws.bidi.bedrock.sessions.far.region=us-west-2")
                .run(context -> {
                    assertThat(context.getBeansOfType(BidirectionalSession.class))
                            .hasSize(3);
                    assertThat(context.getBean(BidiClientFactory.class).clientCount())
                            .isEqualTo(2);
                    assertThat(context.getBean("far", BidirectionalSession.class)
                                    .target()
                                    .region())
                            .isEqualTo("us-west-2");
                });
    }

    @Test
    void appliesEveryCustomizerInOrder() {
        this.contextRunner
                .withPropertyValues(
                        TRANSCRIBER + "endpoint-name=my-asr", ASSISTANT + "model-id=amazon.nova-2-sonic-v1:0")
                .withUserConfiguration(Customizers.class)
                .run(context -> {
                    context.getBeansOfType(BidirectionalSession.class);
                    Customizers customizers = context.getBean(Customizers.class);
                    assertThat(customizers.calls)
                            .containsExactlyInAnyOrder(
                                    "http-first", "http-second", "http-first", "http-second", "sagemaker", "bedrock");
                    assertThat(customizers.calls.indexOf("http-first"))
                            .isLessThan(customizers.calls.indexOf("http-second"));
                    assertThat(customizers.sageMakerBuilder).isNotNull();
                    assertThat(customizers.bedrockBuilder).isNotNull();
                });
    }

    @Test
    void aServicesConnectionDetailsWinOverSessionAndGlobalProperties() {
        AwsBidiConnectionDetails service =
                new TestConnectionDetails(URI.create("http://127.0.0.1:4566"), Region.AP_SOUTHEAST_2);
        this.contextRunner
                .withBean(AwsBidiConnectionDetails.class, () -> service)
                .withPropertyValues(
                        ASSISTANT + "model-id=amazon.nova-2-sonic-v1:0",
                        ASSISTANT + "region=us-west-2",
                        ASSISTANT + "endpoint=http://127.0.0.1:1")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(PropertiesAwsBidiConnectionDetails.class);
                    assertThat(context.getBean("assistant", BidirectionalSession.class)
                                    .target()
                                    .region())
                            .isEqualTo("ap-southeast-2");
                });
    }

    @Test
    void aSessionsOwnRegionWinsOverTheGlobalOne() {
        this.contextRunner
                .withPropertyValues(ASSISTANT + "model-id=amazon.nova-2-sonic-v1:0", ASSISTANT + "region=us-west-2")
                .run(context -> assertThat(context.getBean("assistant", BidirectionalSession.class)
                                .target()
                                .region())
                        .isEqualTo("us-west-2"));
    }

    @Test
    void usesTheUsersRegionProviderWhenNoRegionIsConfigured() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AwsBidiAutoConfiguration.class))
                .withBean(AwsRegionProvider.class, () -> () -> Region.CA_CENTRAL_1)
                .withPropertyValues(ASSISTANT + "model-id=amazon.nova-2-sonic-v1:0")
                .run(context -> assertThat(context.getBean("assistant", BidirectionalSession.class)
                                .target()
                                .region())
                        .isEqualTo("ca-central-1"));
    }

    @Test
    void theGlobalRegionPropertyWinsOverTheUsersRegionProvider() {
        this.contextRunner
                .withBean(AwsRegionProvider.class, () -> () -> Region.CA_CENTRAL_1)
                .withPropertyValues(ASSISTANT + "model-id=amazon.nova-2-sonic-v1:0")
                .run(context -> assertThat(context.getBean("assistant", BidirectionalSession.class)
                                .target()
                                .region())
                        .isEqualTo("eu-west-1"));
    }

    @Test
    void signsWithTheUsersCredentialsProviderAndNotifiesListenerBeans() {
        try (BidiEmulator emulator = BidiEmulator.start()) {
            AwsCredentialsProvider credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey()));
            RecordingListener listener = new RecordingListener();
            this.contextRunner
                    .withBean(AwsCredentialsProvider.class, () -> credentials)
                    .withBean(ExchangeListener.class, () -> listener)
                    .withPropertyValues(
                            "aws.bidi.endpoint=" + emulator.endpoint(),
                            "aws.bidi.bedrock.sessions.echo.model-id=echo-test")
                    .run(context -> {
                        BidirectionalSession echo = context.getBean("echo", BidirectionalSession.class);
                        List<String> responses = echo.exchange(Flux.just(Frame.json("{\"hi\":1}")))
                                .map(Frame::asString)
                                .collectList()
                                .block(Duration.ofSeconds(30));
                        assertThat(responses).containsExactly("{\"hi\":1}");
                        await().atMost(Duration.ofSeconds(10))
                                .untilAsserted(
                                        () -> assertThat(listener.outcomes).containsExactly(Outcome.COMPLETED));
                    });
        }
    }

    @Test
    void mapsPropertiesOntoCoreSettings() {
        this.contextRunner
                .withPropertyValues(
                        "aws.bidi.http.max-concurrency=7",
                        "aws.bidi.http.max-streams-per-connection=3",
                        "aws.bidi.http.event-loop-threads=3",
                        "aws.bidi.http.ping-period=45s",
                        "aws.bidi.http.read-timeout=2m",
                        "aws.bidi.http.initial-window-size=256KB",
                        "aws.bidi.exchange.max-frame-size=64KB",
                        "aws.bidi.exchange.send-buffer-frames=5",
                        "aws.bidi.retry.max-attempts=2",
                        "aws.bidi.retry.retry-on=throttling")
                .run(context -> {
                    var http = context.getBean(BidiClientFactory.class).httpSettings();
                    assertThat(http.maxConcurrency()).isEqualTo(7);
                    assertThat(http.maxStreamsPerConnection()).isEqualTo(3L);
                    assertThat(http.eventLoopThreads()).isEqualTo(3);
                    assertThat(http.healthCheckPingPeriod()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(http.readTimeout()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(http.initialWindowSize()).isEqualTo(256 * 1024);
                    var options = context.getBean(SessionFactory.class).options();
                    assertThat(options.maxFrameBytes()).isEqualTo(64 * 1024);
                    assertThat(options.sendBufferFrames()).isEqualTo(5);
                    assertThat(options.retryPolicy().maxAttempts()).isEqualTo(2);
                    assertThat(options.retryPolicy().retryOn()).containsExactly(ErrorKind.THROTTLING);
                });
    }

    @Test
    void defaultPropertiesMatchCoresDefaults() {
        this.contextRunner.run(context -> {
            HttpClientSettings http = context.getBean(BidiClientFactory.class).httpSettings();
            // The property states the SDK's default window (1 MiB) that core leaves to the SDK with null.
            assertThat(http.initialWindowSize()).isEqualTo(1024 * 1024);
            assertThat(http.withInitialWindowSize(null)).isEqualTo(HttpClientSettings.defaults());
            var options = context.getBean(SessionFactory.class).options();
            assertThat(options.gate()).isSameAs(context.getBean(ExchangeGate.class));
            assertThat(options.withListener(ExchangeListener.NONE)
                            .withGate(SessionOptions.defaults().gate()))
                    .isEqualTo(SessionOptions.defaults());
        });
    }

    @Test
    void isRegisteredInTheAutoConfigurationImports() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                        .getCandidates())
                .contains(
                        AwsBidiAutoConfiguration.class.getName(),
                        "io.github.awsbidi.autoconfigure.emulator.AwsBidiEmulatorAutoConfiguration");
    }

    @Configuration(proxyBeanMethods = false)
    static class QualifiedConsumer {

        final BidirectionalSession transcriber;

        final BidirectionalSession assistant;

        QualifiedConsumer(
                @Qualifier("transcriber") BidirectionalSession transcriber,
                @Qualifier("assistant") BidirectionalSession assistant) {
            this.transcriber = transcriber;
            this.assistant = assistant;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ByTypeConsumer {

        final BidirectionalSession session;

        ByTypeConsumer(BidirectionalSession session) {
            this.session = session;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizers {

        final List<String> calls = new ArrayList<>();

        @Nullable
        SageMakerRuntimeHttp2AsyncClientBuilder sageMakerBuilder;

        @Nullable
        BedrockRuntimeAsyncClientBuilder bedrockBuilder;

        @Bean
        @Order(2)
        NettyHttpClientCustomizer secondHttpCustomizer() {
            return builder -> this.calls.add("http-second");
        }

        @Bean
        @Order(1)
        NettyHttpClientCustomizer firstHttpCustomizer() {
            return builder -> this.calls.add("http-first");
        }

        @Bean
        SageMakerRuntimeClientCustomizer sageMakerCustomizer() {
            return builder -> {
                this.calls.add("sagemaker");
                this.sageMakerBuilder = builder;
            };
        }

        @Bean
        BedrockRuntimeClientCustomizer bedrockCustomizer() {
            return builder -> {
                this.calls.add("bedrock");
                this.bedrockBuilder = builder;
            };
        }
    }

    record TestConnectionDetails(URI endpoint, Region region) implements AwsBidiConnectionDetails {}

    static final class RecordingListener implements ExchangeListener {

        final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

        @Override
        public void closed(ExchangeContext exchange, Outcome outcome, long nanoTime) {
            this.outcomes.add(outcome);
        }
    }
}
