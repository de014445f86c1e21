package io.github.awsbidi.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The emulator's command line the container builds; no Docker engine needed. */
class BidiEmulatorContainerArgumentsTests {

    @Test
    void theCertificateNamesTheMappedHostAndTheExtraNamesOnce() {
        BidiEmulatorContainer container = new BidiEmulatorContainer("aws-bidi-emulator:test")
                .withTls("emulator.internal", "172.17.0.1", "emulator.internal");

        assertThat(container.arguments("172.17.0.1"))
                .containsExactly(
                        "--tls",
                        "--cert-out",
                        BidiEmulatorContainer.CERTIFICATE_PATH,
                        "--cert-name",
                        "172.17.0.1",
                        "--cert-name",
                        "emulator.internal");
    }

    @Test
    void withTlsAloneNamesTheMappedHost() {
        BidiEmulatorContainer container = new BidiEmulatorContainer("aws-bidi-emulator:test").withTls();

        assertThat(container.arguments("127.0.0.2")).containsSubsequence("--cert-name", "127.0.0.2");
    }

    @Test
    void plaintextNamesNothing() {
        BidiEmulatorContainer container = new BidiEmulatorContainer("aws-bidi-emulator:test");

        assertThat(container.arguments("127.0.0.2")).doesNotContain("--tls", "--cert-name");
    }

    @Test
    void aBlankNameIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BidiEmulatorContainer("aws-bidi-emulator:test").withTls(" "))
                .withMessageContaining("host name or IP address");
    }
}
