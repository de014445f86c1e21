package io.github.awsbidi.core.internal;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Translation of failures that both services share: unmodeled service errors by error code and HTTP status,
 * credentials and signature problems, and connection failures.
 */
public final class SdkErrors {

    private SdkErrors() {}

    /** {@code error} without the future wrappers around it. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** A service error that neither service's model names, by its error code, then its HTTP status. */
    public static BidiStreamException service(AwsServiceException error) {
        String code = error.awsErrorDetails() != null ? error.awsErrorDetails().errorCode() : null;
        int status = error.statusCode();
        ErrorKind kind = kindOfCode(code);
        if (kind == null) {
            kind = kindOfStatus(status);
        }
        boolean retryable = switch (kind) {
            case THROTTLING, UNAVAILABLE, INTERNAL, MODEL_NOT_READY, CONNECTION -> true;
            default -> false;
        };
        return of(kind, retryable, code, error);
    }

    /** A client-side failure: credentials, connection, or anything else. */
    public static BidiStreamException client(Throwable error) {
        if (isConnectionFailure(error)) {
            return new BidiStreamException(ErrorKind.CONNECTION, true, null, null, describe(error), error, null, null);
        }
        if (error instanceof SdkClientException && mentionsCredentials(error.getMessage())) {
            return new BidiStreamException(
                    ErrorKind.CREDENTIALS, false, null, null, describe(error), error, null, null);
        }
        return new BidiStreamException(ErrorKind.CLIENT, false, null, null, describe(error), error, null, null);
    }

    /** A typed error for a modeled service exception. */
    public static BidiStreamException of(
            ErrorKind kind, boolean retryable, @Nullable String errorCode, AwsServiceException error) {
        String code = errorCode != null
                ? errorCode
                : error.awsErrorDetails() != null ? error.awsErrorDetails().errorCode() : null;
        Integer status = error.statusCode() > 0 ? error.statusCode() : null;
        return new BidiStreamException(
                kind, retryable, code, status, serviceMessage(error), withoutSecrets(error), null, null);
    }

    /**
     * {@code error}, or a copy of it whose messages have session tokens and signatures redacted: applications log the
     * cause of a {@link BidiStreamException} with it.
     */
    static AwsServiceException withoutSecrets(AwsServiceException error) {
        AwsErrorDetails details = error.awsErrorDetails();
        String detailMessage = details != null ? details.errorMessage() : null;
        if (!Redaction.holdsSecrets(error.getMessage()) && !Redaction.holdsSecrets(detailMessage)) {
            return error;
        }
        AwsServiceException.Builder copy = error.toBuilder();
        if (details != null) {
            copy.awsErrorDetails(details.toBuilder()
                    .errorMessage(detailMessage != null ? Redaction.redact(detailMessage) : null)
                    .build());
        }
        // With error details the SDK appends "(Service: ..., Status Code: ...)" to the message itself.
        String message = details != null ? detailMessage : error.getMessage();
        AwsServiceException redacted =
                copy.message(message != null ? Redaction.redact(message) : null).build();
        redacted.setStackTrace(error.getStackTrace());
        return redacted;
    }

    /** The service's own message, without the SDK's "(Service: ..., Request ID: ...)" suffix. */
    public static String serviceMessage(AwsServiceException error) {
        if (error.awsErrorDetails() != null && error.awsErrorDetails().errorMessage() != null) {
            return error.awsErrorDetails().errorMessage();
        }
        return describe(error);
    }

    static @Nullable ErrorKind kindOfCode(@Nullable String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded" ->
                ErrorKind.THROTTLING;
            case "AccessDeniedException", "AccessDenied" -> ErrorKind.ACCESS_DENIED;
            // An unknown access key is rejected credentials, not a missing permission.
            case "UnrecognizedClientException",
                    "InvalidSignatureException",
                    "SignatureDoesNotMatch",
                    "IncompleteSignature",
                    "IncompleteSignatureException",
                    "InvalidClientTokenId",
                    "ExpiredToken",
                    "ExpiredTokenException",
                    "MissingAuthenticationToken",
                    "MissingAuthenticationTokenException",
                    "RequestExpired" -> ErrorKind.CREDENTIALS;
            case "ResourceNotFoundException", "NotFound" -> ErrorKind.NOT_FOUND;
            case "ServiceQuotaExceededException" -> ErrorKind.QUOTA;
            case "ValidationException", "ValidationError", "InputValidationError" -> ErrorKind.VALIDATION;
            case "ServiceUnavailable", "ServiceUnavailableException", "ServiceUnavailableError" ->
                ErrorKind.UNAVAILABLE;
            case "InternalFailure", "InternalServerError", "InternalServerException" -> ErrorKind.INTERNAL;
            default -> null;
        };
    }

    static ErrorKind kindOfStatus(int status) {
        return switch (status) {
            case 400, 413, 422 -> ErrorKind.VALIDATION;
            case 401 -> ErrorKind.CREDENTIALS;
            case 403 -> ErrorKind.ACCESS_DENIED;
            case 404 -> ErrorKind.NOT_FOUND;
            case 408 -> ErrorKind.MODEL_TIMEOUT;
            case 409 -> ErrorKind.CONFLICT;
            case 424 -> ErrorKind.MODEL_ERROR;
            case 429 -> ErrorKind.THROTTLING;
            case 502, 503, 504 -> ErrorKind.UNAVAILABLE;
            default -> status >= 500 ? ErrorKind.INTERNAL : ErrorKind.CLIENT;
        };
    }

    static boolean isConnectionFailure(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof IOException
                    || current instanceof ClosedChannelException
                    || current instanceof TimeoutException) {
                return true;
            }
            String type = current.getClass().getSimpleName();
            // The Netty client's own failures are internal classes: recognise them by name.
            if (type.equals("PingFailedException")
                    || type.equals("GoAwayException")
                    || type.equals("Http2ConnectionTerminatingException")
                    || type.equals("ConnectTimeoutException")
                    || type.equals("ReadTimeoutException")
                    || type.equals("WriteTimeoutException")
                    || type.equals("Http2Exception")
                    || type.equals("StreamException")) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    private static boolean mentionsCredentials(@Nullable String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("credentials");
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message != null ? message : error.getClass().getName();
    }
}
