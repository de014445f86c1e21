package io.github.awsbidi.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The SigV4 primitives shared by request and event verification. */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    static final String PAYLOAD_ALGORITHM = "AWS4-HMAC-SHA256-PAYLOAD";

    static final String TERMINATOR = "aws4_request";

    /** AWS rejects a signing time further than this from its own clock, either way. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);

    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {}

    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, TERMINATOR);
    }

    static String scope(Instant signingTime, String region, String service) {
        return DATE.format(signingTime) + "/" + region + "/" + service + "/" + TERMINATOR;
    }

    static byte[] hmac(byte[] key, String data) {
        Mac mac = newHmac();
        keyed(mac, key);
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /** A new, unkeyed HmacSHA256; for a caller that keeps one and re-keys it only when the key changes. */
    static Mac newHmac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    /** Initialises {@code mac} with {@code key}; every later {@code doFinal} leaves it ready for the next message. */
    static void keyed(Mac mac, byte[] key) {
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 rejected a " + key.length + "-byte key", ex);
        }
    }

    /** A new SHA-256 digest; for a caller that keeps one ({@code digest()} resets it for the next use). */
    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    static String sha256Hex(byte[] data) {
        return HEX.formatHex(newSha256().digest(data));
    }

    static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Constant-time comparison, so a mismatch does not leak how much of a signature was right. */
    static boolean sameBytes(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    /** Fails, in AWS's words, when the signing time is more than 15 minutes from now. */
    static void checkSkew(Instant signingTime, Instant now) throws SignatureException {
        Instant earliest = now.minus(MAX_SKEW);
        Instant latest = now.plus(MAX_SKEW);
        if (signingTime.isBefore(earliest)) {
            throw SignatureException.invalid("Signature expired: " + DATE_TIME.format(signingTime)
                    + " is now earlier than " + DATE_TIME.format(earliest) + " (" + DATE_TIME.format(now)
                    + " - 15 min.)");
        }
        if (signingTime.isAfter(latest)) {
            throw SignatureException.invalid("Signature not yet current: " + DATE_TIME.format(signingTime)
                    + " is still later than " + DATE_TIME.format(latest) + " (" + DATE_TIME.format(now)
                    + " + 15 min.)");
        }
    }
}
