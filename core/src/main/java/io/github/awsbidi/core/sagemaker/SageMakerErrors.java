package io.github.awsbidi.core.sagemaker;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.internal.SdkErrors;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InputValidationErrorException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InternalServerErrorException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InternalStreamFailureException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ModelStreamErrorException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ServiceUnavailableErrorException;

/** SageMaker Runtime HTTP/2's exceptions as {@link BidiStreamException}s. */
final class SageMakerErrors {

    private SageMakerErrors() {}

    static BidiStreamException translate(Throwable failure) {
        Throwable error = SdkErrors.unwrap(failure);
        if (error instanceof BidiStreamException bidi) {
            return bidi;
        }
        if (error instanceof ModelStreamErrorException e) {
            // The container's own error code (e.g. a WebSocket close code) is what the caller needs.
            return SdkErrors.of(
                    ErrorKind.MODEL_STREAM_ERROR, true, e.errorCode() != null ? e.errorCode() : "ModelStreamError", e);
        }
        if (error instanceof InternalStreamFailureException e) {
            return SdkErrors.of(ErrorKind.INTERNAL, true, "InternalStreamFailure", e);
        }
        if (error instanceof ModelErrorException e) {
            return SdkErrors.of(ErrorKind.MODEL_ERROR, isTransientModelError(e), "ModelError", e);
        }
        if (error instanceof InputValidationErrorException e) {
            return SdkErrors.of(
                    mentionsNotFound(e) ? ErrorKind.NOT_FOUND : ErrorKind.VALIDATION, false, "InputValidationError", e);
        }
        if (error instanceof ServiceUnavailableErrorException e) {
            return SdkErrors.of(ErrorKind.UNAVAILABLE, true, "ServiceUnavailableError", e);
        }
        if (error instanceof InternalServerErrorException e) {
            return SdkErrors.of(ErrorKind.INTERNAL, true, "InternalServerError", e);
        }
        if (error instanceof AwsServiceException e) {
            BidiStreamException generic = SdkErrors.service(e);
            if (generic.kind() == ErrorKind.VALIDATION && mentionsNotFound(e)) {
                // SageMaker answers an unknown endpoint with a ValidationError "Endpoint ... not found".
                return SdkErrors.of(ErrorKind.NOT_FOUND, false, null, e);
            }
            return generic;
        }
        return SdkErrors.client(error);
    }

    /**
     * SageMaker answers 424 "Failed to establish WebSocket connection" when its front end cannot reach the
     * container in time, typically under a burst of new streams: worth another attempt, unlike other model errors.
     */
    static boolean isTransientModelError(ModelErrorException error) {
        String message = SdkErrors.serviceMessage(error).toLowerCase(Locale.ROOT);
        return message.contains("websocket");
    }

    private static boolean mentionsNotFound(AwsServiceException error) {
        String message = SdkErrors.serviceMessage(error).toLowerCase(Locale.ROOT);
        return message.contains("not found") || message.contains("could not find");
    }
}
