package io.github.awsbidi.core.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InputValidationErrorException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InternalServerErrorException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InternalStreamFailureException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ModelStreamErrorException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ServiceUnavailableErrorException;

class SageMakerErrorsTests {

    @Test
    void modelStreamErrorKeepsTheContainersCodeAndMessage() {
        ModelStreamErrorException sdk = ModelStreamErrorException.builder()
                .errorCode("1011")
                .awsErrorDetails(details("ModelStreamError", "container went away"))
                .build();

        BidiStreamException error = SageMakerErrors.translate(new CompletionException(sdk));

        assertThat(error.kind()).isEqualTo(ErrorKind.MODEL_STREAM_ERROR);
        assertThat(error.errorCode()).contains("1011");
        assertThat(error.detail()).isEqualTo("container went away");
        assertThat(error.getCause()).isSameAs(sdk);
    }

    @Test
    void internalStreamFailureIsARetryableInternalError() {
        BidiStreamException error = SageMakerErrors.translate(InternalStreamFailureException.builder()
                .awsErrorDetails(details("InternalStreamFailure", "platform fault"))
                .build());

        assertThat(error.kind()).isEqualTo(ErrorKind.INTERNAL);
        assertThat(error.errorCode()).contains("InternalStreamFailure");
        assertThat(error.retryable()).isTrue();
        assertThat(error.detail()).isEqualTo("platform fault");
    }

    @Test
    void only424WebSocketModelErrorsAreTransient() {
        BidiStreamException transientError = SageMakerErrors.translate(ModelErrorException.builder()
                .statusCode(424)
                .awsErrorDetails(details("ModelError", "Failed to establish WebSocket connection"))
                .build());
        BidiStreamException modelBug = SageMakerErrors.translate(ModelErrorException.builder()
                .statusCode(424)
                .awsErrorDetails(details("ModelError", "Received server error (500) from model"))
                .build());

        assertThat(transientError.kind()).isEqualTo(ErrorKind.MODEL_ERROR);
        assertThat(transientError.retryable()).isTrue();
        assertThat(transientError.statusCode()).contains(424);
        assertThat(modelBug.retryable()).isFalse();
    }

    @Test
    void modeledServiceErrors() {
        assertKind(
                InputValidationErrorException.builder()
                        .awsErrorDetails(details("InputValidationError", "bad"))
                        .build(),
                ErrorKind.VALIDATION,
                false);
        assertKind(ServiceUnavailableErrorException.builder().statusCode(503).build(), ErrorKind.UNAVAILABLE, true);
        assertKind(InternalServerErrorException.builder().statusCode(500).build(), ErrorKind.INTERNAL, true);
    }

    @Test
    void unknownEndpointIsNotFound() {
        AwsServiceException sdk = AwsServiceException.builder()
                .statusCode(400)
                .awsErrorDetails(details("ValidationError", "Endpoint echo2 of account 123 not found."))
                .build();

        assertKind(sdk, ErrorKind.NOT_FOUND, false);
    }

    @Test
    void unmodeledErrorsByCodeThenStatus() {
        assertKind(service("ThrottlingException", 400), ErrorKind.THROTTLING, true);
        assertKind(service("AccessDeniedException", 403), ErrorKind.ACCESS_DENIED, false);
        assertKind(service("InvalidSignatureException", 403), ErrorKind.CREDENTIALS, false);
        assertKind(service("ExpiredTokenException", 403), ErrorKind.CREDENTIALS, false);
        // An unknown access key: AWS answers 403 UnrecognizedClientException; the credentials are what is wrong.
        assertKind(service("UnrecognizedClientException", 403), ErrorKind.CREDENTIALS, false);
        assertKind(service("Whatever", 429), ErrorKind.THROTTLING, true);
        assertKind(service("Whatever", 503), ErrorKind.UNAVAILABLE, true);
        assertKind(service("Whatever", 500), ErrorKind.INTERNAL, true);
    }

    @Test
    void clientSideFailures() {
        assertKind(
                SdkClientException.create("connect", new IOException("Connection refused")),
                ErrorKind.CONNECTION,
                true);
        assertKind(
                SdkClientException.create("Unable to load credentials from any of the providers"),
                ErrorKind.CREDENTIALS,
                false);
        assertKind(new IllegalStateException("bug"), ErrorKind.CLIENT, false);
    }

    private static void assertKind(Throwable sdk, ErrorKind kind, boolean retryable) {
        BidiStreamException error = SageMakerErrors.translate(sdk);
        assertThat(error.kind()).as(sdk.toString()).isEqualTo(kind);
        assertThat(error.retryable()).as(sdk.toString()).isEqualTo(retryable);
        assertThat(error.getCause()).isSameAs(sdk);
    }

    private static AwsServiceException service(String code, int status) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(details(code, "msg"))
                .build();
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).build();
    }
}
