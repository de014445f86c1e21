package io.github.awsbidi.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Verifies the SigV4 {@code Authorization} header of a request the way AWS does, with AWS's error
 * codes and messages. Thread-safe.
 */
public final class SigV4Verifier {

    /** The payload hash the SDK declares for event-stream requests, whose events are signed one by one. */
    public static final String STREAMING_EVENTS_PAYLOAD = "STREAMING-AWS4-HMAC-SHA256-EVENTS";

    private final CredentialStore store;

    private final Clock clock;

    public SigV4Verifier(CredentialStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks the request's signature.
     * @return who signed it, for which region and service, and the chain that verifies its events
     * @throws SignatureException if the request is not signed, or not signed right, in AWS's terms
     */
    public VerifiedRequest verify(SignedRequest request) throws SignatureException {
        String authorization = request.header("authorization").orElseThrow(SignatureException::missingToken);
        AuthorizationHeader auth = AuthorizationHeader.parse(authorization);
        String amzDate = request.header("x-amz-date")
                .orElseThrow(() -> SignatureException.incomplete(
                        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization="
                                + authorization));
        Instant signingTime = parseAmzDate(amzDate);
        String secret = this.store.secretFor(auth.accessKeyId()).orElseThrow(SignatureException::unrecognizedClient);
        String requestDate = SigV4.DATE.format(signingTime);
        if (!auth.scopeDate().equals(requestDate)) {
            throw SignatureException.invalid(
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of " + "date from HTTP: '"
                            + auth.scopeDate() + "' != '" + requestDate + "', from '" + amzDate + "'.");
        }
        SigV4.checkSkew(signingTime, this.clock.instant());

        String canonicalRequest = CanonicalRequest.of(request, auth.signedHeaders(), payloadHash(request));
        String stringToSign = SigV4.ALGORITHM + "\n" + amzDate + "\n"
                + SigV4.scope(signingTime, auth.region(), auth.service()) + "\n" + SigV4.sha256Hex(canonicalRequest);
        byte[] signingKey = SigV4.signingKey(secret, requestDate, auth.region(), auth.service());
        String expected = SigV4.hex(SigV4.hmac(signingKey, stringToSign));
        if (!SigV4.sameBytes(
                expected.getBytes(StandardCharsets.US_ASCII), auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw SignatureException.invalid(SignatureException.MISMATCH_MESSAGE
                    + "\n\nThe Canonical String for this request should have been\n'" + canonicalRequest + "'\n\n"
                    + "The String-to-Sign should have been\n'" + stringToSign + "'\n");
        }
        ChunkSignatureChain chain =
                new ChunkSignatureChain(secret, auth.region(), auth.service(), expected, this.clock);
        return new VerifiedRequest(auth.accessKeyId(), auth.region(), auth.service(), signingTime, chain);
    }

    private static Instant parseAmzDate(String amzDate) throws SignatureException {
        try {
            return SigV4.DATE_TIME.parse(amzDate, Instant::from);
        } catch (DateTimeParseException ex) {
            throw SignatureException.incomplete("Date must be in ISO-8601 'basic format'. Got '" + amzDate
                    + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    /**
     * The declared {@code x-amz-content-sha256} (checked against the body when it is a hash), or
     * the body's hash when the header is absent.
     */
    private static String payloadHash(SignedRequest request) throws SignatureException {
        String declared = request.header("x-amz-content-sha256").orElse(null);
        if (declared == null) {
            return SigV4.sha256Hex(request.body());
        }
        if (isSha256Hex(declared) && !declared.toLowerCase(Locale.ROOT).equals(SigV4.sha256Hex(request.body()))) {
            throw SignatureException.invalid(
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        return declared;
    }

    private static boolean isSha256Hex(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!HexFormat.isHexDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
