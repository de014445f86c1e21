package io.github.awsbidi.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The packaged sample, processed ahead of time by the build, started as a native image would run it but on the JVM
 * ({@code -Dspring.aot.enabled=true}: the generated bean definitions replace the auto-configuration and the session
 * registrar, and startup fails if they are missing), then a real exchange with the embedded emulator through its
 * HTTP endpoint.
 */
class AotApplicationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Process process;

    private Path log;

    @Test
    void theAotProcessedApplicationStartsOnTheJvmAndExchangesFrames() throws Exception {
        File jar = new File(System.getProperty("sample.jar", "target/aws-bidi-sample-app.jar"));
        assertThat(jar).exists();
        int port = freePort();
        log = Files.createTempFile("aot-sample", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(
                        java, "-Dspring.aot.enabled=true", "-jar", jar.getAbsolutePath(), "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> output().contains("Started SampleApplication") || !process.isAlive());
        assertThat(process.isAlive())
                .as("the application started; its output:%n%s", output())
                .isTrue();

        WebTestClient client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(TIMEOUT)
                .build();
        client.post()
                .uri("/sessions/echo/exchange")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of("hello", "ahead of time"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].text")
                .isEqualTo("hello")
                .jsonPath("$[1].text")
                .isEqualTo("ahead of time");
        client.get()
                .uri("/sessions")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].name")
                .value(names -> assertThat(names.toString()).contains("echo", "transcriber", "assistant", "speaker"));
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.awsBidi.components.echo.status")
                .isEqualTo("UP")
                // The Polly session, registered from properties ahead of time too.
                .jsonPath("$.components.awsBidiPolly.components.speaker.status")
                .isEqualTo("UP");
        assertThat(output()).contains("Starting AOT-processed SampleApplication");
    }

    @AfterEach
    void stop() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
