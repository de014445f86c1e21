package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.ExchangeOptions;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.retry.RetryPolicy;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import io.github.awsbidi.emulator.EmulatorMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The emulator process killed ({@code SIGKILL}) in the middle of a stream, 20 times, alternating the operations: each
 * time the exchange fails with a {@link ErrorKind#CONNECTION} error within {@link FaultLedgerTests#BOUND} (never a
 * normal end with answers missing), and once the emulator is back on the same port the same session answers every
 * frame again.
 */
class EmulatorKillTests {

    private static final int KILLS = 20;
    private static final int FRAMES = 40;
    private static final Duration PACE = Duration.ofMillis(10);
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final int port = freePort();
    private final BidiClientFactory factory = BidiClientFactory.create();
    private Process emulator;

    @AfterEach
    void stop() {
        factory.close();
        if (emulator != null) {
            emulator.destroyForcibly();
        }
    }

    @Test
    void everyKillFailsTheStreamTypedAndTheSessionWorksOnceTheEmulatorIsBack() {
        emulator = startEmulator();
        ConnectionSettings connection = new ConnectionSettings(
                Region.US_EAST_1,
                URI.create("http://127.0.0.1:" + port),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        SessionOptions options = SessionOptions.defaults()
                .withRetryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));
        BidirectionalSession sageMaker = SageMakerSession.create(
                "kill-sm", factory.sageMaker(connection), SageMakerSessionSettings.of("echo"), options);
        BidirectionalSession bedrock = BedrockSession.create(
                "kill-br", factory.bedrock(connection), BedrockSessionSettings.of("echo.kill-v1:0"), options);

        for (int kill = 0; kill < KILLS; kill++) {
            boolean onSageMaker = kill % 2 == 0;
            BidirectionalSession session = onSageMaker ? sageMaker : bedrock;
            IntFunction<Frame> frames = onSageMaker ? i -> Frame.text("f" + i) : i -> Frame.json("{\"n\":" + i + "}");
            Process running = emulator;
            int killAfter = 3 + kill % 5;

            Ledger broken = Ledger.run(session, FRAMES, PACE, frames, ExchangeOptions.defaults(), LIMIT, answers -> {
                if (answers == killAfter) {
                    running.destroyForcibly();
                }
            });

            broken.assertFailed(Set.of(ErrorKind.CONNECTION), FaultLedgerTests.BOUND);
            assertThat(broken.received()).hasSizeGreaterThanOrEqualTo(killAfter);
            waitFor(running);
            emulator = startEmulator();
            Ledger.run(session, FRAMES / 4, PACE, frames, ExchangeOptions.defaults(), LIMIT)
                    .assertAllAnswered();
        }
    }

    private Process startEmulator() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java,
                        "-Xmx128m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmulatorMain.class.getName(),
                        "--port",
                        Integer.toString(port)))
                .redirectErrorStream(true);
        try {
            Process process = builder.start();
            CompletableFuture<Void> listening = new CompletableFuture<>();
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader out = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            for (String line = out.readLine(); line != null; line = out.readLine()) {
                                if (line.startsWith("aws-bidi emulator listening on")) {
                                    listening.complete(null);
                                }
                            }
                            listening.completeExceptionally(
                                    new IllegalStateException("the emulator exited before listening"));
                        } catch (IOException e) {
                            listening.completeExceptionally(e);
                        }
                    },
                    "emulator-output-" + port);
            reader.setDaemon(true);
            reader.start();
            listening.get(30, TimeUnit.SECONDS);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the emulator did not start on port " + port, e);
        }
    }

    private static void waitFor(Process process) {
        try {
            assertThat(process.waitFor(10, TimeUnit.SECONDS))
                    .as("killed emulator exits")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
