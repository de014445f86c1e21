package io.github.awsbidi.sample.security;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Served on every address with a user configured: even this machine's requests log in. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=0.0.0.0",
            "spring.security.user.name=operator",
            "spring.security.user.password=test-operator-password"
        })
class ExposedServerTests {

    @LocalServerPort
    int port;

    @Test
    void everyCallerLogsIn() {
        WebTestClient http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        http.get()
                .uri("/sessions")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .isEmpty();
        http.get()
                .uri("/sessions")
                .headers(headers -> headers.setBasicAuth("operator", "test-operator-password"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].name")
                .isNotEmpty();
        http.get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }
}
