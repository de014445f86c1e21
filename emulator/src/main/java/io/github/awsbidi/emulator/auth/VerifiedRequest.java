package io.github.awsbidi.emulator.auth;

import java.time.Instant;

/** A request whose signature checked out: who signed it, for what, and the chain its events follow. */
public final class VerifiedRequest {

    private final String accessKeyId;

    private final String region;

    private final String service;

    private final Instant signingTime;

    private final ChunkSignatureChain chunkChain;

    VerifiedRequest(
            String accessKeyId, String region, String service, Instant signingTime, ChunkSignatureChain chunkChain) {
        this.accessKeyId = accessKeyId;
        this.region = region;
        this.service = service;
        this.signingTime = signingTime;
        this.chunkChain = chunkChain;
    }

    public String accessKeyId() {
        return this.accessKeyId;
    }

    /** Region of the credential scope, e.g. {@code us-east-1}. */
    public String region() {
        return this.region;
    }

    /** Service of the credential scope, e.g. {@code bedrock} or {@code sagemaker}. */
    public String service() {
        return this.service;
    }

    /** The request's {@code x-amz-date}. */
    public Instant signingTime() {
        return this.signingTime;
    }

    /** Verifies this request's signed event envelopes, seeded with its signature. One per request. */
    public ChunkSignatureChain chunkChain() {
        return this.chunkChain;
    }

    @Override
    public String toString() {
        return "VerifiedRequest[" + this.accessKeyId + " " + this.region + "/" + this.service + " at "
                + this.signingTime + "]";
    }
}
