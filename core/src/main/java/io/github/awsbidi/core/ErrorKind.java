package io.github.awsbidi.core;

/**
 * What went wrong, independent of the service: the {@code error.kind} metric tag and the basis of retry decisions.
 */
public enum ErrorKind {
    /** The request was invalid: a header, the endpoint or model id, a frame over the size limit. */
    VALIDATION,
    /** The service throttled the call. */
    THROTTLING,
    /** The model (container) failed to process the request, e.g. SageMaker's 424 {@code ModelError}. */
    MODEL_ERROR,
    /** The model failed while streaming: SageMaker {@code ModelStreamError}, Bedrock {@code modelStreamErrorException}. */
    MODEL_STREAM_ERROR,
    /** The model took too long, e.g. Nova Sonic's ~8-minute stream limit. */
    MODEL_TIMEOUT,
    /** The model is not ready to serve yet. */
    MODEL_NOT_READY,
    /** The service failed internally: {@code InternalServerError}, SageMaker {@code InternalStreamFailure}. */
    INTERNAL,
    /** The service is unavailable (503). */
    UNAVAILABLE,
    /** The caller lacks permission. */
    ACCESS_DENIED,
    /** The endpoint or model does not exist. */
    NOT_FOUND,
    /** A service quota was exceeded. */
    QUOTA,
    /** The request conflicts with the resource's state. */
    CONFLICT,
    /** Credentials are missing, expired, or the signature was rejected. */
    CREDENTIALS,
    /** The connection failed: refused, reset, closed, GOAWAY, failed ping, connect timeout. */
    CONNECTION,
    /** Anything else on the client side, including an error raised by the caller's request publisher. */
    CLIENT;

    /** The lower-case tag value, e.g. {@code model_stream_error}. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind of any throwable: a {@link BidiStreamException}'s own kind, otherwise {@link #CLIENT}. */
    public static ErrorKind of(Throwable error) {
        return error instanceof BidiStreamException bidi ? bidi.kind() : CLIENT;
    }
}
