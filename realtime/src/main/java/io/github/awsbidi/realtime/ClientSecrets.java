package io.github.awsbidi.realtime;

import io.github.awsbidi.realtime.protocol.EventIds;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived client secrets ({@code ek_…}), as OpenAI's {@code POST /v1/realtime/client_secrets} issues them, so that
 * a browser never holds the real key. A secret is self-contained: it signs (HMAC-SHA256) only an id, its expiry, the
 * identity that asked for it and a digest of the session configuration it was issued for (a {@link SessionBinding}),
 * so any instance sharing the signing key accepts a secret another instance issued, with no shared store, and the
 * secret stays small enough for the {@code Sec-WebSocket-Protocol} header browsers send it in. The session opened
 * with a secret runs only with the configuration it binds. Thread-safe.
 */
public final class ClientSecrets {

    /** The prefix of every secret. */
    public static final String PREFIX = "ek_";

    /** The shortest signing key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 32;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    /**
     * @param signingKey the key every instance of a fleet shares, at least {@value #MIN_KEY_BYTES} bytes
     * @param clock the time expiry is checked against
     * @throws IllegalArgumentException for a short key
     */
    public ClientSecrets(byte[] signingKey, Clock clock) {
        if (signingKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the client-secret signing key must be at least " + MIN_KEY_BYTES
                    + " bytes, got " + signingKey.length);
        }
        this.key = new SecretKeySpec(signingKey.clone(), "HmacSHA256");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A secret for {@code identity}, valid for {@code ttl}, bound to a session configuration.
     *
     * @param sessionDigest the configuration's {@link SessionBinding#digest()}
     */
    public Issued issue(String identity, Duration ttl, String sessionDigest) {
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String id = EventIds.next("cs");
        String payload = String.join("\n", id, Long.toString(expiresAt.getEpochSecond()), identity, sessionDigest);
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return new Issued(
                PREFIX + ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes)), id, expiresAt);
    }

    /**
     * What a secret says, once its signature and expiry are checked.
     *
     * @throws ClientSecretException naming why it is refused ({@code malformed}, {@code bad_signature},
     *     {@code expired})
     */
    public Verified verify(String secret) {
        if (!secret.startsWith(PREFIX) || secret.indexOf('.') < 0) {
            throw new ClientSecretException("malformed", "not a client secret");
        }
        String body = secret.substring(PREFIX.length());
        int dot = body.lastIndexOf('.');
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(body.substring(0, dot));
            signature = DECODER.decode(body.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new ClientSecretException("malformed", "the client secret is not base64url");
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            throw new ClientSecretException("bad_signature", "the client secret was not signed with this key");
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (fields.length != 4) {
            throw new ClientSecretException("malformed", "the client secret has the wrong fields");
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[1]));
        if (!clock.instant().isBefore(expiresAt)) {
            throw new ClientSecretException("expired", "the client secret expired at " + expiresAt);
        }
        return new Verified(fields[0], fields[2], expiresAt, fields[3]);
    }

    /** SHA-256 (hex) of a text. What a secret binds of a session is {@link SessionBinding#digest()}. */
    public static String digest(String sessionJson) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(sessionJson.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * An issued secret.
     *
     * @param value the {@code ek_…} text the client presents
     * @param id the secret's id
     * @param expiresAt when it stops being accepted
     */
    public record Issued(String value, String id, Instant expiresAt) {}

    /**
     * A verified secret.
     *
     * @param id the secret's id
     * @param identity who asked for it (its sessions count against that identity's limit)
     * @param expiresAt when it stops being accepted
     * @param sessionDigest the {@link SessionBinding#digest()} of the session configuration it was issued for
     */
    public record Verified(String id, String identity, Instant expiresAt, String sessionDigest) {}

    /** A refused secret; {@link #reason()} is {@code malformed}, {@code bad_signature} or {@code expired}. */
    public static final class ClientSecretException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String reason;

        ClientSecretException(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        /** Why the secret was refused. */
        public String reason() {
            return reason;
        }
    }
}
