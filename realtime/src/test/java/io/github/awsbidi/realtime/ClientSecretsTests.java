package io.github.awsbidi.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Client secrets: signed, self-contained, accepted by any instance sharing the key, refused once expired. */
class ClientSecretsTests {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");

    @Test
    void aSecretIssuedByOneInstanceIsAcceptedByAnotherWithTheSameKey() {
        ClientSecrets one = new ClientSecrets(KEY, Clock.fixed(NOW, ZoneOffset.UTC));
        ClientSecrets other = new ClientSecrets(KEY.clone(), Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC));
        ClientSecrets.Issued issued = one.issue("key-1", Duration.ofMinutes(1), ClientSecrets.digest("{}"));
        assertThat(issued.value()).startsWith("ek_").hasSizeLessThan(300);
        ClientSecrets.Verified verified = other.verify(issued.value());
        assertThat(verified.identity()).isEqualTo("key-1");
        assertThat(verified.id()).isEqualTo(issued.id());
        assertThat(verified.sessionDigest()).isEqualTo(ClientSecrets.digest("{}"));
        assertThat(verified.expiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void anExpiredTamperedOrForeignSecretIsRefusedWithItsReason() {
        ClientSecrets issuer = new ClientSecrets(KEY, Clock.fixed(NOW, ZoneOffset.UTC));
        String secret = issuer.issue("key-1", Duration.ofSeconds(10), "d").value();
        ClientSecrets later = new ClientSecrets(KEY, Clock.fixed(NOW.plusSeconds(10), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.verify(secret))
                .isInstanceOfSatisfying(
                        ClientSecrets.ClientSecretException.class,
                        e -> assertThat(e.reason()).isEqualTo("expired"));
        ClientSecrets foreign = new ClientSecrets(
                "another-key-another-key-another-key".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> foreign.verify(secret))
                .isInstanceOfSatisfying(
                        ClientSecrets.ClientSecretException.class,
                        e -> assertThat(e.reason()).isEqualTo("bad_signature"));
        String tampered = secret.substring(0, 5) + (secret.charAt(5) == 'A' ? 'B' : 'A') + secret.substring(6);
        assertThatThrownBy(() -> issuer.verify(tampered)).isInstanceOf(ClientSecrets.ClientSecretException.class);
        assertThatThrownBy(() -> issuer.verify("sk-not-a-secret"))
                .isInstanceOfSatisfying(
                        ClientSecrets.ClientSecretException.class,
                        e -> assertThat(e.reason()).isEqualTo("malformed"));
    }

    @Test
    void aShortSigningKeyIsRefused() {
        assertThatThrownBy(() -> new ClientSecrets(new byte[16], Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }
}
