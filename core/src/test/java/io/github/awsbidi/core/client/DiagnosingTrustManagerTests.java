package io.github.awsbidi.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.tls.EmulatorCertificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

class DiagnosingTrustManagerTests {

    private final X509Certificate certificate = EmulatorCertificate.generate(
                    List.of("emulator.test", "fd00::1", "10.1.2.3"))
            .certificate();

    @Test
    void namesMatchIpAddressesExactlyAndOneLeadingWildcardLabel() {
        assertThat(DiagnosingTrustManager.names(certificate, "localhost")).isTrue();
        assertThat(DiagnosingTrustManager.names(certificate, "LOCALHOST.")).isTrue();
        assertThat(DiagnosingTrustManager.names(certificate, "127.0.0.1")).isTrue();
        assertThat(DiagnosingTrustManager.names(certificate, "[::1]")).isTrue();
        assertThat(DiagnosingTrustManager.names(certificate, "[fd00:0:0::1]")).isTrue();
        assertThat(DiagnosingTrustManager.names(certificate, "10.1.2.3")).isTrue();
        assertThat(DiagnosingTrustManager.names(certificate, "Emulator.Test")).isTrue();

        assertThat(DiagnosingTrustManager.names(certificate, "127.0.0.2")).isFalse();
        assertThat(DiagnosingTrustManager.names(certificate, "a.emulator.test")).isFalse();
        assertThat(DiagnosingTrustManager.names(certificate, "localhost.evil")).isFalse();
        // An IP address never matches a DNS name that spells it, nor the other way round.
        assertThat(DiagnosingTrustManager.names(certificate, "10.1.2.4")).isFalse();
    }

    @Test
    void aWildcardCoversExactlyOneLeadingLabel() {
        assertThat(DiagnosingTrustManager.dnsMatches("*.emulator.test", "a.emulator.test"))
                .isTrue();
        assertThat(DiagnosingTrustManager.dnsMatches("*.emulator.test", "emulator.test"))
                .isFalse();
        assertThat(DiagnosingTrustManager.dnsMatches("*.emulator.test", "a.b.emulator.test"))
                .isFalse();
        assertThat(DiagnosingTrustManager.dnsMatches("*.emulator.test", ".emulator.test"))
                .isFalse();
    }

    @Test
    void aNameMismatchSaysWhichNamesTheCertificateHolds() {
        String reason = DiagnosingTrustManager.explain(
                "127.0.0.2:18080",
                "127.0.0.2",
                new X509Certificate[] {certificate},
                new CertificateException("No subject alternative names matching IP address 127.0.0.2 found"));

        assertThat(reason)
                .startsWith(
                        "the certificate of 127.0.0.2:18080 does not name 127.0.0.2; it names localhost, 127.0.0.1, ")
                .contains("emulator.test");
    }

    @Test
    void anUntrustedCertificateSaysWhoIssuedItAndWhatToTrust() {
        String reason = DiagnosingTrustManager.explain(
                "localhost:443",
                "localhost",
                new X509Certificate[] {certificate},
                new CertificateException("PKIX path building failed"));

        assertThat(reason)
                .contains("the certificate of localhost:443 (CN=localhost,O=aws-bidi emulator, issued by "
                        + "CN=localhost,O=aws-bidi emulator) is not trusted: PKIX path building failed")
                .contains("HttpClientSettings.tlsTrustManagers");
    }

    @Test
    void wrapsEveryX509TrustManagerOnceAndTheJdkDefaultWhenNoneIsConfigured() {
        TrustManager[] configured = EmulatorCertificate.generate().trustManagers();

        TrustManager[] wrapped = DiagnosingTrustManager.wrap(() -> configured).trustManagers();
        TrustManager[] jdk = DiagnosingTrustManager.wrap(null).trustManagers();

        assertThat(wrapped)
                .hasSameSizeAs(configured)
                .allSatisfy(manager -> assertThat(manager).isInstanceOf(DiagnosingTrustManager.class));
        assertThat(((X509ExtendedTrustManager) wrapped[0]).getAcceptedIssuers())
                .containsExactly(((X509ExtendedTrustManager) configured[0]).getAcceptedIssuers());
        assertThat(DiagnosingTrustManager.wrap(() -> wrapped).trustManagers()).containsExactly(wrapped);
        assertThat(jdk)
                .isNotEmpty()
                .allSatisfy(manager -> assertThat(manager).isInstanceOf(DiagnosingTrustManager.class));
    }
}
