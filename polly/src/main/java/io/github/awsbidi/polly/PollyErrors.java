package io.github.awsbidi.polly;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.internal.SdkErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.polly.model.ServiceFailureException;
import software.amazon.awssdk.services.polly.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.polly.model.ThrottlingException;
import software.amazon.awssdk.services.polly.model.ValidationException;

/**
 * The four exceptions of {@code StartSpeechSynthesisStream} as {@link BidiStreamException}s: throttling and service
 * failures are transient (retried while opening, like the other operations'), validation and quota errors are not.
 * Anything else (an error a newer model adds, a signature or connection failure) goes through the shared mapping.
 */
final class PollyErrors {

    private PollyErrors() {}

    static BidiStreamException translate(Throwable failure) {
        Throwable error = SdkErrors.unwrap(failure);
        if (error instanceof BidiStreamException bidi) {
            return bidi;
        }
        if (error instanceof ValidationException e) {
            return SdkErrors.of(ErrorKind.VALIDATION, false, "ValidationException", e);
        }
        if (error instanceof ThrottlingException e) {
            return SdkErrors.of(ErrorKind.THROTTLING, true, "ThrottlingException", e);
        }
        if (error instanceof ServiceFailureException e) {
            return SdkErrors.of(ErrorKind.INTERNAL, true, "ServiceFailureException", e);
        }
        if (error instanceof ServiceQuotaExceededException e) {
            return SdkErrors.of(ErrorKind.QUOTA, false, "ServiceQuotaExceededException", e);
        }
        if (error instanceof AwsServiceException e) {
            return SdkErrors.service(e);
        }
        return SdkErrors.client(error);
    }
}
