package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.tls.TlsProvider;
import io.netty.handler.ssl.SslProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each TLS implementation serves the same https: a real SDK client over HTTP/2 (ALPN h2) and one over HTTP/1.1 get
 * their answers from either. On this build's platforms netty-tcnative loads, so {@code AUTO} is OpenSSL.
 */
class TlsProviderTests {

    @ParameterizedTest(name = "{0}")
    @EnumSource(TlsProvider.class)
    void everyProviderServesHttp2AndHttp11Clients(TlsProvider provider) {
        assertThat(provider.resolve()).isEqualTo(provider == TlsProvider.JDK ? SslProvider.JDK : SslProvider.OPENSSL);
        try (BidiEmulator emulator = BidiEmulator.start(
                        EmulatorConfig.builder().tls(true).tlsProvider(provider).build());
                SdkClients clients = new SdkClients(emulator)) {
            assertThat(emulator.endpoint().getScheme()).isEqualTo("https");
            assertThat(clients.sagemakerControlHttp2
                            .describeEndpoint(request -> request.endpointName("echo"))
                            .join()
                            .endpointName())
                    .isEqualTo("echo");
            assertThat(clients.sagemakerControl
                            .describeEndpoint(request -> request.endpointName("echo"))
                            .join()
                            .endpointName())
                    .isEqualTo("echo");
        }
    }
}
