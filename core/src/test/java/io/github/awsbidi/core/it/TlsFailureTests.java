package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.client.HttpClientSettings;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Connecting fails for good, the first day's faults of a deployment: a certificate the client does not trust, a
 * certificate that does not name the host, TLS to a plaintext port and plaintext to a TLS port. Each is a typed
 * {@link ErrorKind#CONNECTION} error within the fault suite's bound, not retried, whose message names the address and
 * what is wrong, on both operations.
 */
class TlsFailureTests {

    /** Which operation a case runs on. */
    enum Operation {
        SAGEMAKER,
        BEDROCK
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void anUntrustedCertificateFailsAtOnceSayingSo(Operation operation) {
        try (BidiEmulator emulator = BidiEmulator.start(tls("127.0.0.1"));
                // The JDK's trust store, which does not hold the emulator's self-signed certificate.
                BidiClientFactory factory = BidiClientFactory.create()) {
            String address = "127.0.0.1:" + emulator.port();

            failsFast(
                    operation,
                    factory,
                    emulator,
                    emulator.endpoint(),
                    error -> assertThat(error.getMessage())
                            .contains("the certificate of " + address)
                            .contains("is not trusted")
                            .contains("Trust its issuer"));
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void aCertificateForAnotherNameFailsAtOnceNamingBoth(Operation operation) {
        // 127.0.0.2 is loopback too; the emulator's certificate names localhost, 127.0.0.1 and ::1 only.
        try (BidiEmulator emulator = BidiEmulator.start(tls("127.0.0.2"));
                BidiClientFactory factory = trusting(emulator)) {
            String address = "127.0.0.2:" + emulator.port();

            failsFast(
                    operation,
                    factory,
                    emulator,
                    emulator.endpoint(),
                    error -> assertThat(error.getMessage())
                            .contains("the certificate of " + address + " does not name 127.0.0.2; it names localhost, "
                                    + "127.0.0.1"));
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void aCertificateGivenTheNameWorksAtThatAddress(Operation operation) {
        try (BidiEmulator emulator = BidiEmulator.start(EmulatorConfig.builder()
                        .host("127.0.0.2")
                        .tls(true)
                        .tlsNames(List.of("127.0.0.2"))
                        .build());
                BidiClientFactory factory = trusting(emulator)) {
            BidirectionalSession session =
                    session(operation, factory, emulator, emulator.endpoint(), new RecordingListener());
            Frame frame = frame(operation);

            StepVerifier.create(session.exchange(Flux.just(frame)).map(Frame::asString))
                    .expectNext(frame.asString())
                    .expectComplete()
                    .verify(FaultLedgerTests.BOUND);
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void tlsToAPlaintextPortFailsAtOnceSayingSo(Operation operation) {
        try (BidiEmulator emulator = BidiEmulator.start(EmulatorConfig.defaults());
                BidiClientFactory factory = BidiClientFactory.create()) {
            String address = "127.0.0.1:" + emulator.port();

            failsFast(
                    operation,
                    factory,
                    emulator,
                    URI.create("https://" + address),
                    error -> assertThat(error.getMessage()).contains(address).contains("http://"));
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void plaintextToATlsPortFailsAtOnceSayingSo(Operation operation) {
        try (BidiEmulator emulator = BidiEmulator.start(tls("127.0.0.1"));
                BidiClientFactory factory = trusting(emulator)) {
            String address = "127.0.0.1:" + emulator.port();

            failsFast(
                    operation,
                    factory,
                    emulator,
                    URI.create("http://" + address),
                    error -> assertThat(error.getMessage()).contains(address).contains("https://"));
        }
    }

    private static void failsFast(
            Operation operation,
            BidiClientFactory factory,
            BidiEmulator emulator,
            URI endpoint,
            Consumer<BidiStreamException> message) {
        RecordingListener listener = new RecordingListener();
        BidirectionalSession session = session(operation, factory, emulator, endpoint, listener);
        Frame frame = frame(operation);

        StepVerifier.create(session.exchange(Flux.just(frame).concatWith(Flux.never())))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(BidiStreamException.class);
                    BidiStreamException typed = (BidiStreamException) error;
                    assertThat(typed.kind()).isEqualTo(ErrorKind.CONNECTION);
                    assertThat(typed.retryable()).as("retryable").isFalse();
                    message.accept(typed);
                })
                .verify(FaultLedgerTests.BOUND);
        assertThat(listener.count("retrying")).isZero();
    }

    private static BidirectionalSession session(
            Operation operation,
            BidiClientFactory factory,
            BidiEmulator emulator,
            URI endpoint,
            RecordingListener listener) {
        ConnectionSettings connection = new ConnectionSettings(
                Region.of(emulator.region()),
                endpoint,
                StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())));
        SessionOptions options = SessionOptions.defaults().withListener(listener);
        return switch (operation) {
            case SAGEMAKER ->
                SageMakerSession.create(
                        "tls-sm", factory.sageMaker(connection), SageMakerSessionSettings.of("echo"), options);
            case BEDROCK ->
                BedrockSession.create(
                        "tls-br", factory.bedrock(connection), BedrockSessionSettings.of("echo.tls-v1:0"), options);
        };
    }

    private static Frame frame(Operation operation) {
        return operation == Operation.SAGEMAKER ? Frame.text("hello") : Frame.json("{\"n\":1}");
    }

    private static EmulatorConfig tls(String host) {
        return EmulatorConfig.builder().host(host).tls(true).build();
    }

    private static BidiClientFactory trusting(BidiEmulator emulator) {
        return BidiClientFactory.builder()
                .httpSettings(HttpClientSettings.defaults().withTlsTrustManagers(emulator::trustManagers))
                .build();
    }
}
