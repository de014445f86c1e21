package io.github.awsbidi.core.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
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

class BedrockErrorsTests {

    @Test
    void everyModeledExceptionHasItsKind() {
        assertKind(
                ValidationException.builder()
                        .awsErrorDetails(details("bad event"))
                        .build(),
                ErrorKind.VALIDATION,
                false,
                "ValidationException");
        assertKind(ThrottlingException.builder().build(), ErrorKind.THROTTLING, true, "ThrottlingException");
        assertKind(
                ModelStreamErrorException.builder().build(),
                ErrorKind.MODEL_STREAM_ERROR,
                true,
                "ModelStreamErrorException");
        assertKind(ModelTimeoutException.builder().build(), ErrorKind.MODEL_TIMEOUT, true, "ModelTimeoutException");
        assertKind(ModelErrorException.builder().build(), ErrorKind.MODEL_ERROR, false, "ModelErrorException");
        assertKind(ModelNotReadyException.builder().build(), ErrorKind.MODEL_NOT_READY, true, "ModelNotReadyException");
        assertKind(
                ServiceUnavailableException.builder().build(),
                ErrorKind.UNAVAILABLE,
                true,
                "ServiceUnavailableException");
        assertKind(InternalServerException.builder().build(), ErrorKind.INTERNAL, true, "InternalServerException");
        assertKind(
                ResourceNotFoundException.builder().build(), ErrorKind.NOT_FOUND, false, "ResourceNotFoundException");
        assertKind(AccessDeniedException.builder().build(), ErrorKind.ACCESS_DENIED, false, "AccessDeniedException");
        assertKind(
                ServiceQuotaExceededException.builder().build(),
                ErrorKind.QUOTA,
                false,
                "ServiceQuotaExceededException");
        assertKind(ConflictException.builder().build(), ErrorKind.CONFLICT, false, "ConflictException");
    }

    @Test
    void modelStreamErrorKeepsTheOriginalStatus() {
        BidiStreamException error = BedrockErrors.translate(ModelStreamErrorException.builder()
                .originalStatusCode(500)
                .awsErrorDetails(details("model crashed"))
                .build());

        assertThat(error.errorCode()).contains("ModelStreamErrorException(500)");
        assertThat(error.detail()).isEqualTo("model crashed");
    }

    @Test
    void novaSonicTransientValidationErrorsAreRetryable() {
        assertThat(BedrockErrors.translate(ValidationException.builder()
                                .awsErrorDetails(
                                        details("Timed out waiting for input events: InternalErrorCode=531 RST_STREAM"))
                                .build())
                        .retryable())
                .isTrue();
        assertThat(BedrockErrors.translate(ValidationException.builder()
                                .awsErrorDetails(details("System instability detected. Please retry"))
                                .build())
                        .retryable())
                .isTrue();
    }

    private static void assertKind(Throwable sdk, ErrorKind kind, boolean retryable, String code) {
        BidiStreamException error = BedrockErrors.translate(sdk);
        assertThat(error.kind()).as(sdk.getClass().getSimpleName()).isEqualTo(kind);
        assertThat(error.retryable()).as(sdk.getClass().getSimpleName()).isEqualTo(retryable);
        assertThat(error.errorCode()).contains(code);
        assertThat(error.getCause()).isSameAs(sdk);
    }

    private static AwsErrorDetails details(String message) {
        return AwsErrorDetails.builder().errorMessage(message).build();
    }
}
