package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.InvalidSettingException;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.HttpClientSettings;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** The HTTP/2 receive window per stream is a setting: small windows still stream, too small ones are refused. */
class SmallWindowTests extends EmulatorSupport {

    @Test
    void aStreamWithTheSmallestWindowStillDeliversMoreThanOneWindowOfResponses() {
        HttpClientSettings settings =
                HttpClientSettings.defaults().withInitialWindowSize(HttpClientSettings.MIN_INITIAL_WINDOW_SIZE);
        try (BidiClientFactory factory =
                BidiClientFactory.builder().httpSettings(settings).build()) {
            SageMakerSession session = SageMakerSession.create(
                    "echo", factory.sageMaker(connection(Wire.H2C)), SageMakerSessionSettings.of("echo"));
            byte[] payload = new byte[16 * 1024];
            // 40 × 16 KiB = 640 KiB of responses through a 64 KiB window: only window updates let it through.
            List<Frame> echoed = session.exchange(Flux.range(0, 40).map(i -> Frame.binary(payload)))
                    .collectList()
                    .block(Duration.ofSeconds(60));
            assertThat(echoed).hasSize(40).allMatch(frame -> frame.size() == payload.length);
        }
    }

    @Test
    void aWindowBelowTheProtocolMinimumIsRejectedNamingTheLimit() {
        assertThatThrownBy(() -> HttpClientSettings.defaults().withInitialWindowSize(1024))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("initialWindowSize")
                .hasMessageContaining("65535")
                .satisfies(
                        e -> assertThat(((InvalidSettingException) e).field()).isEqualTo("initialWindowSize"));
    }
}
