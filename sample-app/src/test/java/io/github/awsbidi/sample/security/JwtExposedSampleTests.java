package io.github.awsbidi.sample.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Served on every address with a JWT issuer's public key instead of a user from properties: startup accepts it as
 * credentials, requests log in with a signed JWT, and the façade keeps its own Bearer keys.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=0.0.0.0")
class JwtExposedSampleTests {

    private static final KeyPair ISSUER = rsaKeys();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuerKey(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("issuer", ".pem");
        pem.toFile().deleteOnExit();
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(ISSUER.getPublic().getEncoded());
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> pem.toUri().toString());
    }

    @Test
    void aSignedJwtLogsIn() throws JOSEException {
        http().get()
                .uri("/sessions")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .isEmpty();
        http().get()
                .uri("/sessions")
                .headers(headers -> headers.setBearerAuth("not-a-jwt"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .isEmpty();
        String token = jwt("alice", ISSUER);
        http().get()
                .uri("/sessions")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].name")
                .isNotEmpty();
        // Signed by someone else.
        http().get()
                .uri("/sessions")
                .headers(headers -> headers.setBearerAuth(jwtUnchecked("alice", rsaKeys())))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .isEmpty();
    }

    @Test
    void theFacadeStillTakesItsOwnBearerKeys() {
        http().post()
                .uri("/v1/realtime/client_secrets")
                .headers(headers -> headers.setBearerAuth("dev-realtime-key"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.value")
                .value(value -> org.assertj.core.api.Assertions.assertThat(value.toString())
                        .startsWith("ek_"));
    }

    private static String jwt(String subject, KeyPair keys) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .issueTime(Date.from(Instant.now()))
                        .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
                        .build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static String jwtUnchecked(String subject, KeyPair keys) {
        try {
            return jwt(subject, keys);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }
}
