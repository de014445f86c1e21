package io.github.awsbidi.core.bedrock;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.internal.SdkErrors;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ConflictException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** Every modeled Bedrock Runtime exception of the operation as a {@link BidiStreamException}. */
final class BedrockErrors {

    private BedrockErrors() {}

    static BidiStreamException translate(Throwable failure) {
        Throwable error = SdkErrors.unwrap(failure);
        if (error instanceof BidiStreamException bidi) {
            return bidi;
        }
        if (error instanceof ValidationException e) {
            return SdkErrors.of(ErrorKind.VALIDATION, isTransientValidation(e), "ValidationException", e);
        }
        if (error instanceof ThrottlingException e) {
            return SdkErrors.of(ErrorKind.THROTTLING, true, "ThrottlingException", e);
        }
        if (error instanceof ModelStreamErrorException e) {
            String code = e.originalStatusCode() != null
                    ? "ModelStreamErrorException(" + e.originalStatusCode() + ")"
                    : "ModelStreamErrorException";
            return SdkErrors.of(ErrorKind.MODEL_STREAM_ERROR, true, code, e);
        }
        if (error instanceof ModelTimeoutException e) {
            return SdkErrors.of(ErrorKind.MODEL_TIMEOUT, true, "ModelTimeoutException", e);
        }
        if (error instanceof ModelErrorException e) {
            return SdkErrors.of(ErrorKind.MODEL_ERROR, false, "ModelErrorException", e);
        }
        if (error instanceof ModelNotReadyException e) {
            return SdkErrors.of(ErrorKind.MODEL_NOT_READY, true, "ModelNotReadyException", e);
        }
        if (error instanceof ServiceUnavailableException e) {
            return SdkErrors.of(ErrorKind.UNAVAILABLE, true, "ServiceUnavailableException", e);
        }
        if (error instanceof InternalServerException e) {
            return SdkErrors.of(ErrorKind.INTERNAL, true, "InternalServerException", e);
        }
        if (error instanceof ResourceNotFoundException e) {
            return SdkErrors.of(ErrorKind.NOT_FOUND, false, "ResourceNotFoundException", e);
        }
        if (error instanceof AccessDeniedException e) {
            return SdkErrors.of(ErrorKind.ACCESS_DENIED, false, "AccessDeniedException", e);
        }
        if (error instanceof ServiceQuotaExceededException e) {
            return SdkErrors.of(ErrorKind.QUOTA, false, "ServiceQuotaExceededException", e);
        }
        if (error instanceof ConflictException e) {
            return SdkErrors.of(ErrorKind.CONFLICT, false, "ConflictException", e);
        }
        if (error instanceof AwsServiceException e) {
            return SdkErrors.service(e);
        }
        return SdkErrors.client(error);
    }

    /**
     * Nova Sonic reports two transient conditions as validation errors: the idle reset after ~175 s of silence
     * ("InternalErrorCode=531") and "System instability detected. Please retry".
     */
    static boolean isTransientValidation(ValidationException error) {
        String message = SdkErrors.serviceMessage(error).toLowerCase(Locale.ROOT);
        return message.contains("internalerrorcode=531") || message.contains("system instability");
    }
}
