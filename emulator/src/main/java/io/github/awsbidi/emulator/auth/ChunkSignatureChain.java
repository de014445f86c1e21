package io.github.awsbidi.emulator.auth;

import io.github.awsbidi.emulator.wire.EventStreamEncoder;
import io.github.awsbidi.emulator.wire.EventStreamMessage;
import io.github.awsbidi.emulator.wire.Header;
import io.github.awsbidi.emulator.wire.HeaderType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.crypto.Mac;

/**
 * Verifies, in order, the signed envelopes of one event-stream request. Each envelope carries
 * {@code :date} and {@code :chunk-signature}; its signature is an HMAC over
 * {@code AWS4-HMAC-SHA256-PAYLOAD}, the envelope time, the scope, the previous signature (the
 * request's for the first), the hash of the other envelope headers and the hash of the payload
 * (the encoded inner event). An envelope with an empty payload ends the stream.
 * Stateful and not thread-safe: one per stream, called in arrival order (on the stream's event loop). It
 * keeps one HMAC keyed with the signing key and one SHA-256 digest for the whole stream, re-keying only
 * when the envelopes' date changes, since creating them for every envelope cost more than the hashing.
 */
public final class ChunkSignatureChain {

    static final String DATE_HEADER = ":date";

    static final String SIGNATURE_HEADER = ":chunk-signature";

    private static final int SIGNATURE_BYTES = 32;

    private static final byte[] PAYLOAD_ALGORITHM_LINE =
            (SigV4.PAYLOAD_ALGORITHM + "\n").getBytes(StandardCharsets.US_ASCII);

    private static final byte[] NEWLINE = {'\n'};

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static final Comparator<Header> BY_NAME = Comparator.comparing(Header::name);

    private final String secret;

    private final String region;

    private final String service;

    private final Clock clock;

    private String previousSignature;

    /** {@link #previousSignature} and {@link #scope}, each followed by a newline, as the HMAC takes them. */
    private byte[] previousSignatureLine;

    private byte[] scopeLine = new byte[0];

    /** Lower-case hex of a hash plus a newline, reused for each hash of each envelope. */
    private final byte[] hexLine = new byte[2 * SIGNATURE_BYTES + 1];

    private boolean finalChunkSeen;

    private final Mac hmac = SigV4.newHmac();

    private final MessageDigest sha256 = SigV4.newSha256();

    /** The date the HMAC is keyed for (empty: not keyed yet) and the scope of that date. */
    private String keyDate = "";

    private String scope = "";

    /** The last envelope's signing time, to the second, and its formatted form (most envelopes share it). */
    private long formattedSecond = Long.MIN_VALUE;

    private String formattedTime = "";

    ChunkSignatureChain(String secret, String region, String service, String seedSignature, Clock clock) {
        this.secret = secret;
        this.region = region;
        this.service = service;
        this.previousSignature = seedSignature;
        this.previousSignatureLine = line(seedSignature);
        this.clock = clock;
    }

    /**
     * Checks the next envelope, as decoded from the wire, and makes its signature the previous one.
     * @throws SignatureException if the envelope is not signed, not next in the chain, tampered
     *     with, out of the allowed clock skew, or follows the final envelope
     */
    public void verifyNext(EventStreamMessage envelope) throws SignatureException {
        if (this.finalChunkSeen) {
            throw SignatureException.invalid("Signed event received after the final (empty) signed event.");
        }
        Header date = envelope.header(DATE_HEADER)
                .filter(h -> h.type() == HeaderType.TIMESTAMP)
                .orElseThrow(() -> SignatureException.incomplete("Signed event requires a ':date' timestamp header."));
        byte[] signature = envelope.header(SIGNATURE_HEADER)
                .filter(h -> h.type() == HeaderType.BYTE_ARRAY && h.bytesValue().length == SIGNATURE_BYTES)
                .map(Header::bytesValue)
                .orElseThrow(() -> SignatureException.incomplete(
                        "Signed event requires a 32-byte ':chunk-signature' byte-array header."));
        Instant signingTime = date.timestampValue();
        SigV4.checkSkew(signingTime, this.clock.instant());

        // The signer hashes its own headers (just :date from the SDK) sorted by name, without the signature.
        List<Header> signedHeaders = new ArrayList<>(envelope.headers().size());
        for (Header header : envelope.headers()) {
            if (!SIGNATURE_HEADER.equals(header.name())) {
                signedHeaders.add(header);
            }
        }
        if (signedHeaders.size() > 1) {
            signedHeaders.sort(BY_NAME);
        }
        String time = dateTime(signingTime);
        keyFor(signingTime, time);
        byte[] headersHash = sha256(EventStreamEncoder.encodeHeaders(signedHeaders));
        byte[] payloadHash = sha256(envelope.payload());
        // The string to sign is fed to the HMAC piece by piece; it is only built as text for the error message.
        this.hmac.update(PAYLOAD_ALGORITHM_LINE);
        this.hmac.update(ascii(time));
        this.hmac.update(NEWLINE);
        this.hmac.update(this.scopeLine);
        this.hmac.update(this.previousSignatureLine);
        this.hmac.update(hexLine(headersHash));
        this.hmac.update(hexLine(payloadHash), 0, 2 * SIGNATURE_BYTES);
        byte[] expected = this.hmac.doFinal();
        if (!SigV4.sameBytes(expected, signature)) {
            String stringToSign = SigV4.PAYLOAD_ALGORITHM + "\n" + time + "\n" + this.scope + "\n"
                    + this.previousSignature + "\n"
                    + SigV4.hex(headersHash) + "\n"
                    + SigV4.hex(payloadHash);
            throw SignatureException.invalid(SignatureException.MISMATCH_MESSAGE
                    + "\n\nThe String-to-Sign for this event should have been\n'" + stringToSign + "'\n");
        }
        this.previousSignature = SigV4.hex(signature);
        this.previousSignatureLine = line(this.previousSignature);
        this.finalChunkSeen = envelope.payload().length == 0;
    }

    /** Whether the empty-payload envelope that ends the stream has been verified. */
    public boolean finalChunkSeen() {
        return this.finalChunkSeen;
    }

    /** Keys the HMAC for the envelope's date. A stream can outlive midnight UTC: the key follows each envelope. */
    private void keyFor(Instant signingTime, String formattedTime) {
        // yyyyMMdd'T'HHmmss'Z' starts with the date the key is derived for.
        if (this.keyDate.isEmpty() || !formattedTime.startsWith(this.keyDate)) {
            String date = SigV4.DATE.format(signingTime);
            SigV4.keyed(this.hmac, SigV4.signingKey(this.secret, date, this.region, this.service));
            this.scope = SigV4.scope(signingTime, this.region, this.service);
            this.scopeLine = line(this.scope);
            this.keyDate = date;
        }
    }

    private String dateTime(Instant signingTime) {
        long second = signingTime.getEpochSecond();
        if (second != this.formattedSecond) {
            this.formattedTime = SigV4.DATE_TIME.format(signingTime);
            this.formattedSecond = second;
        }
        return this.formattedTime;
    }

    private byte[] sha256(byte[] data) {
        // digest() resets the digest; reset() first too, in case an earlier call was interrupted half-way.
        this.sha256.reset();
        return this.sha256.digest(data);
    }

    /** {@code hash} in lower-case hex followed by a newline, in the reused buffer. */
    private byte[] hexLine(byte[] hash) {
        for (int i = 0; i < hash.length; i++) {
            this.hexLine[2 * i] = HEX_DIGITS[(hash[i] >> 4) & 0xF];
            this.hexLine[2 * i + 1] = HEX_DIGITS[hash[i] & 0xF];
        }
        this.hexLine[2 * hash.length] = '\n';
        return this.hexLine;
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
