package io.github.awsbidi.core.record;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * How a recorded exchange failed: enough for a replay to fail the same way.
 *
 * @param kind the error's kind
 * @param retryable whether the client would retry it
 * @param errorCode {@link BidiStreamException#errorCode()}, e.g. a container's close code
 * @param awsErrorType the error type on the wire ({@code x-amzn-ErrorType} or the event's exception type), when
 *        the service sent one; absent for client-side failures (connection, timeout)
 * @param statusCode the HTTP status, when the service refused the stream
 * @param message the service's message (or the client's, for client-side failures)
 */
public record RecordedError(
        ErrorKind kind,
        boolean retryable,
        @Nullable String errorCode,
        @Nullable String awsErrorType,
        @Nullable Integer statusCode,
        String message) {

    public RecordedError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** What a failure says, without the session prefix of its message. */
    public static RecordedError of(ErrorKind kind, Throwable error) {
        if (error instanceof BidiStreamException bidi) {
            String awsType = null;
            if (bidi.getCause() instanceof AwsServiceException service && service.awsErrorDetails() != null) {
                awsType = service.awsErrorDetails().errorCode();
            }
            return new RecordedError(
                    bidi.kind(),
                    bidi.retryable(),
                    bidi.errorCode().orElse(null),
                    awsType,
                    bidi.statusCode().orElse(null),
                    bidi.detail());
        }
        String message = error.getMessage();
        return new RecordedError(
                kind,
                false,
                null,
                null,
                null,
                message != null ? message : error.getClass().getName());
    }
}
