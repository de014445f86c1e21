package io.github.awsbidi.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;

/** The command line, and the emulator run as its own process the way the README shows. */
class EmulatorMainTests {

    private static final Pattern LISTENING =
            Pattern.compile("^aws-bidi emulator listening on (https?)://127\\.0\\.0\\.1:(\\d+)$");

    @Test
    void parsesEveryOption() {
        var line = EmulatorMain.CommandLine.parse(new String[] {
            "--port",
            "0",
            "--host",
            "::1",
            "--tls",
            "--config",
            "e.json",
            "--cassettes",
            "tapes",
            "--cert-out",
            "cert.pem",
            "--cassettes",
            "more",
            "--max-concurrent-streams",
            "16",
            "--event-loop-threads",
            "3"
        });

        assertThat(line.port()).isZero();
        assertThat(line.host()).isEqualTo("::1");
        assertThat(line.tls()).isTrue();
        assertThat(line.config()).isEqualTo(Path.of("e.json"));
        assertThat(line.certOut()).isEqualTo(Path.of("cert.pem"));
        assertThat(line.cassettes()).containsExactly(Path.of("tapes"), Path.of("more"));
        assertThat(line.maxConcurrentStreams()).isEqualTo(16);
        assertThat(line.eventLoopThreads()).isEqualTo(3);
        assertThat(line.help()).isFalse();
    }

    @Test
    void parsesTheTlsProviderWhichNeedsTls() {
        assertThat(EmulatorMain.CommandLine.parse(new String[] {"--tls", "--tls-provider", "JDK"})
                        .tlsProvider())
                .isEqualTo(io.github.awsbidi.emulator.tls.TlsProvider.JDK);
        assertThat(EmulatorMain.CommandLine.parse(new String[] {"--tls"}).tlsProvider())
                .isNull();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorMain.CommandLine.parse(new String[] {"--tls", "--tls-provider", "nss"}))
                .withMessageContaining("--tls-provider must be auto, jdk or openssl, was 'nss'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorMain.CommandLine.parse(new String[] {"--tls-provider", "jdk"}))
                .withMessageContaining("--tls-provider needs --tls");
    }

    @Test
    void parsesCertificateNamesWhichNeedTls() {
        var line = EmulatorMain.CommandLine.parse(
                new String[] {"--tls", "--cert-name", "127.0.0.2", "--cert-name", "emulator.test"});

        assertThat(line.certNames()).containsExactly("127.0.0.2", "emulator.test");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorMain.CommandLine.parse(new String[] {"--cert-name", "127.0.0.2"}))
                .withMessageContaining("--cert-name needs --tls");
    }

    @Test
    void parsesCredentials() {
        var line = EmulatorMain.CommandLine.parse(new String[] {"--credentials", "AKIDCI:s3cr:et"});

        assertThat(line.credential()).isEqualTo(new io.github.awsbidi.emulator.auth.AwsCredential("AKIDCI", "s3cr:et"));
    }

    @Test
    void rejectsCredentialsWithoutASecret() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorMain.CommandLine.parse(new String[] {"--credentials", "AKIDCI"}))
                .withMessageContaining("--credentials must be ACCESS_KEY_ID:SECRET_ACCESS_KEY");
    }

    @Test
    void rejectsAnUnknownOption() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorMain.CommandLine.parse(new String[] {"--prot", "1"}))
                .withMessageContaining("unknown option --prot");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorMain.CommandLine.parse(new String[] {"--port", "70000"}))
                .withMessageContaining("--port must be 0..65535");
    }

    @Test
    void rejectsMaxConcurrentStreamsBelowOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorMain.CommandLine.parse(new String[] {"--max-concurrent-streams", "0"}))
                .withMessageContaining("--max-concurrent-streams must be at least 1, was 0");
    }

    @Test
    void rejectsEventLoopThreadsBelowZeroOrNotANumber() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorMain.CommandLine.parse(new String[] {"--event-loop-threads", "-1"}))
                .withMessageContaining("--event-loop-threads must be a whole number from 0 (one per processor)")
                .withMessageEndingWith("was -1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorMain.CommandLine.parse(new String[] {"--event-loop-threads", "two"}))
                .withMessageEndingWith("was two");
    }

    @Test
    void rejectsCertOutWithoutTls() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmulatorMain.CommandLine.parse(new String[] {"--cert-out", "cert.pem"}))
                .withMessageContaining("--cert-out needs --tls");
    }

    @Test
    void runsAsAProcessPrintingExactlyOneLineAndServesItsConfiguration(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("emulator.json"), """
                {"sagemaker": {"endpoints": {"maintenance": {"status": "Updating",
                  "variants": [{"name": "variant-1", "container": "echo"}]}}}}""");
        Process process = start("--port", "0", "--config", config.toString());
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Matcher listening = LISTENING.matcher(String.valueOf(out.readLine()));
            assertThat(listening.matches()).as("the first line").isTrue();
            assertThat(listening.group(1)).isEqualTo("http");

            URI endpoint = URI.create("http://127.0.0.1:" + listening.group(2));
            try (SageMakerAsyncClient client = SageMakerAsyncClient.builder()
                    .endpointOverride(endpoint)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build()) {
                assertThat(client.describeEndpoint(request -> request.endpointName("maintenance"))
                                .join()
                                .endpointStatusAsString())
                        .isEqualTo("Updating");
            }

            // SIGTERM, leaving the output readable (Process#destroy would close it); reading to its end
            // waits for the process to exit.
            process.toHandle().destroy();
            assertThat(out.readLine()).as("nothing after the first line").isNull();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void withTlsPrintsAnHttpsEndpointAndWritesTheCertificate(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("emulator.pem");
        Process process = start("--port", "0", "--tls", "--cert-out", pem.toString());
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Matcher listening = LISTENING.matcher(String.valueOf(out.readLine()));

            assertThat(listening.matches()).as("the first line").isTrue();
            assertThat(listening.group(1)).isEqualTo("https");
            assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Runs EmulatorMain in a new JVM on this test run's class path. */
    private static Process start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
