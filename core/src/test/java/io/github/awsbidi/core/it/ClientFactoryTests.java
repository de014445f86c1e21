package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.InvalidSettingException;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.HttpClientSettings;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntimehttp2.SageMakerRuntimeHttp2AsyncClient;

class ClientFactoryTests extends EmulatorSupport {

    @ParameterizedTest
    @EnumSource(Wire.class)
    void sharesOneClientPerConnectionAndServiceAndClosesThemAll(Wire wire) {
        BidiClientFactory factory = BidiClientFactory.builder()
                .httpSettings(HttpClientSettings.defaults().withTlsTrustManagers(emulator(wire)::trustManagers))
                .build();

        SageMakerRuntimeHttp2AsyncClient first = factory.sageMaker(connection(wire));
        assertThat(factory.sageMaker(connection(wire))).isSameAs(first);
        assertThat(factory.sageMaker(connection(wire).withRegion(Region.EU_WEST_1)))
                .isNotSameAs(first);
        factory.bedrock(connection(wire));
        assertThat(factory.clientCount()).isEqualTo(3);

        factory.close();

        assertThat(factory.clientCount()).isZero();
        assertThatThrownBy(() -> factory.sageMaker(connection(wire))).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void http2AndNoRetriesSurviveCustomizers(Wire wire) {
        try (BidiClientFactory factory = BidiClientFactory.builder()
                .httpSettings(HttpClientSettings.defaults()
                        .withTlsTrustManagers(emulator(wire)::trustManagers)
                        .withMaxStreamsPerConnection(4L)
                        .withHealthCheckPingPeriod(Duration.ofSeconds(60)))
                .httpClientCustomizer(http -> http.protocol(Protocol.HTTP1_1))
                .sageMakerCustomizer(client -> client.overrideConfiguration(
                        o -> o.retryStrategy(software.amazon.awssdk.core.retry.RetryMode.STANDARD)))
                .build()) {
            SageMakerSession session = SageMakerSession.create(
                    "customized",
                    factory.sageMaker(connection(wire)),
                    SageMakerSessionSettings.of("echo"),
                    SessionOptions.defaults());

            assertThat(session.exchange(Flux.just(Frame.text("still h2")))
                            .map(Frame::asString)
                            .collectList()
                            .block(Duration.ofSeconds(20)))
                    .containsExactly("still h2");
            assertThat(factory.sageMaker(connection(wire))
                            .serviceClientConfiguration()
                            .overrideConfiguration()
                            .retryStrategy())
                    .hasValueSatisfying(
                            strategy -> assertThat(strategy.maxAttempts()).isEqualTo(1));
        }
    }

    @Test
    void bedrockStreamsSpreadOverConnectionsOfTheDefaultSize() {
        int streams = (int) HttpClientSettings.BEDROCK_STREAMS_PER_CONNECTION * 2 + 1;
        long before = emulator(Wire.TLS).stats().connectionsAccepted();
        try (BidiClientFactory factory = BidiClientFactory.builder()
                .httpSettings(HttpClientSettings.defaults()
                        .withTlsTrustManagers(emulator(Wire.TLS)::trustManagers)
                        .withEventLoopThreads(2))
                .build()) {
            BedrockSession session = BedrockSession.create(
                    "spread",
                    factory.bedrock(connection(Wire.TLS)),
                    BedrockSessionSettings.of("echo-spread"),
                    SessionOptions.defaults());
            // Every stream stays open until all have answered, so they are all on the wire at once.
            Sinks.Empty<Void> release = Sinks.empty();
            CountDownLatch answered = new CountDownLatch(streams);
            List<Mono<List<String>>> exchanges = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                Flux<Frame> requests = Flux.concat(
                        Flux.just(Frame.json("{\"n\":" + i + "}")),
                        release.asMono().then(Mono.<Frame>empty()));
                exchanges.add(session.exchange(requests)
                        .map(Frame::asString)
                        .doOnNext(echo -> answered.countDown())
                        .collectList());
            }
            Mono<List<List<String>>> all = Flux.merge(Flux.fromIterable(exchanges), streams)
                    .collectList()
                    .cache();
            all.subscribe();
            await().atMost(Duration.ofSeconds(60)).until(() -> answered.getCount() == 0);
            // Three connections at least: 50 streams fit on one; the SDK's default would put all on one.
            assertThat(emulator(Wire.TLS).stats().connectionsAccepted() - before)
                    .isGreaterThanOrEqualTo(3);
            release.tryEmitEmpty();
            assertThat(all.block(Duration.ofSeconds(30)))
                    .hasSize(streams)
                    .allSatisfy(echoes -> assertThat(echoes).hasSize(1));
        }
    }

    @Test
    void settingsRejectAnEventLoopWithoutThreads() {
        assertThatThrownBy(() -> HttpClientSettings.defaults().withEventLoopThreads(0))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("eventLoopThreads");
    }
}
