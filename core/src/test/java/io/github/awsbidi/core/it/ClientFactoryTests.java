package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.HttpClientSettings;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
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
}
