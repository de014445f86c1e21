package io.github.awsbidi.emulator.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertificateParsingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatorCertificateTests {

    @Test
    void namesLoopbackByDefault() throws CertificateParsingException {
        assertThat(names(EmulatorCertificate.generate()))
                .containsExactly("2:localhost", "7:127.0.0.1", "7:0:0:0:0:0:0:0:1");
    }

    @Test
    void extraNamesAreAddedAsIpAddressesOrHostNamesOnce() throws CertificateParsingException {
        EmulatorCertificate certificate = EmulatorCertificate.generate(
                List.of("127.0.0.2", "docker.test", "[fd00::1]", "localhost", "127.0.0.2"));

        assertThat(names(certificate))
                .containsExactly(
                        "2:localhost",
                        "7:127.0.0.1",
                        "7:0:0:0:0:0:0:0:1",
                        "7:127.0.0.2",
                        "2:docker.test",
                        "7:fd00:0:0:0:0:0:0:1");
    }

    private static List<String> names(EmulatorCertificate certificate) throws CertificateParsingException {
        return certificate.certificate().getSubjectAlternativeNames().stream()
                .map(name -> name.get(0) + ":" + name.get(1))
                .toList();
    }
}
