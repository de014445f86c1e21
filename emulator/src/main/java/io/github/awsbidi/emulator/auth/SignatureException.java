package io.github.awsbidi.emulator.auth;

/**
 * A request or event that fails SigV4 verification, with the error code and message AWS itself
 * returns for that failure (all are HTTP 403).
 */
public final class SignatureException extends Exception {

    /** No Authorization header at all. */
    public static final String MISSING_AUTHENTICATION_TOKEN = "MissingAuthenticationTokenException";

    /** An Authorization header (or signed envelope) that lacks a part or cannot be parsed. */
    public static final String INCOMPLETE_SIGNATURE = "IncompleteSignatureException";

    /** An access key id the emulator does not know. */
    public static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";

    /** A signature that does not match, or a signing time out of the allowed skew. */
    public static final String INVALID_SIGNATURE = "InvalidSignatureException";

    /** AWS's wording for a signature that does not match. */
    public static final String MISMATCH_MESSAGE = "The request signature we calculated does not match the signature "
            + "you provided. Check your AWS Secret Access Key and signing method. "
            + "Consult the service documentation for details.";

    private static final long serialVersionUID = 1L;

    private final String errorType;

    private final String message;

    public SignatureException(String errorType, String message) {
        super(message);
        this.errorType = errorType;
        this.message = message;
    }

    /** The message AWS returns with the error; every failure has one. */
    @Override
    public String getMessage() {
        return this.message;
    }

    /** The error code AWS returns, e.g. {@code InvalidSignatureException}. */
    public String errorType() {
        return this.errorType;
    }

    /** Always 403, as AWS answers every authentication failure. */
    public int httpStatus() {
        return 403;
    }

    static SignatureException missingToken() {
        return new SignatureException(MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
    }

    static SignatureException incomplete(String message) {
        return new SignatureException(INCOMPLETE_SIGNATURE, message);
    }

    static SignatureException unrecognizedClient() {
        return new SignatureException(UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
    }

    static SignatureException invalid(String message) {
        return new SignatureException(INVALID_SIGNATURE, message);
    }
}
