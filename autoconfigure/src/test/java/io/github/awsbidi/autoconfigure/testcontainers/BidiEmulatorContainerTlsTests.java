package io.github.awsbidi.autoconfigure.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.autoconfigure.AwsBidiConnectionDetails;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.testcontainers.BidiEmulatorContainer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import reactor.core.publisher.Flux;

/**
 * TLS through a {@code @ServiceConnection}: the connection details trust the certificate the container generated
 * (and nothing else), and a session exchanges over HTTPS with it. Skipped without a Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "aws.bidi.sagemaker.sessions.echo.endpoint-name=echo")
class BidiEmulatorContainerTlsTests {

    @Container
    @ServiceConnection
    static final BidiEmulatorContainer emulator = new BidiEmulatorContainer().withTls();

    @Autowired
    AwsBidiConnectionDetails connectionDetails;

    @Autowired
    BidirectionalSession echo;

    @Test
    void trustsTheContainersCertificate() throws Exception {
        assertThat(this.connectionDetails.endpoint().getScheme()).isEqualTo("https");
        assertThat(this.connectionDetails.trustManagers()).isNotNull();
        javax.net.ssl.X509TrustManager trust = (javax.net.ssl.X509TrustManager)
                this.connectionDetails.trustManagers().trustManagers()[0];
        assertThat(trust.getAcceptedIssuers()).containsExactly(emulator.getCertificate());
    }

    @Test
    void sessionExchangesOverTls() {
        List<String> responses = this.echo
                .exchange(Flux.just(Frame.text("over"), Frame.text("tls")))
                .map(Frame::asString)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(responses).containsExactly("over", "tls");
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration(AwsBidiAutoConfiguration.class)
    static class Config {}
}
