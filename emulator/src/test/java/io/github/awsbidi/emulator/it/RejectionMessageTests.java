package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.config.BedrockModel;
import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.config.SageMakerEndpoint;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Every way a stream can be refused before it opens reaches the SDK with AWS's JSON body: the error
 * type and the message end up in the SDK exception. The request side stays open in every case (the
 * caller is still streaming), which is when a reset right after the response used to drop the body.
 */
@ParameterizedClass(name = "tls={0}")
@ValueSource(booleans = {false, true})
class RejectionMessageTests {

    private static final String MISMATCH =
            "The request signature we calculated does not match the signature you provided";

    @Parameter
    boolean tls;

    private BidiEmulator emulator() {
        return SharedEmulators.emulator(tls);
    }

    @Test
    void wrongSecretCarriesAwsMessageToBothClients() throws Exception {
        try (SdkClients clients = new SdkClients(emulator(), emulator().accessKeyId(), "not-the-secret")) {
            Throwable bedrock = Streams.bedrock(clients.bedrock, "echo-rejected", Streams.thenHold("{}"))
                    .failure();
            Throwable sagemaker = Streams.sagemaker(
                            clients.sagemaker, Streams.endpoint("echo"), Streams.thenHold(Streams.text("hi")))
                    .failure();

            assertRejected(bedrock, 403, "InvalidSignatureException", MISMATCH);
            assertRejected(sagemaker, 403, "InvalidSignatureException", MISMATCH);
        }
    }

    @Test
    void unknownAccessKeyCarriesAwsMessage() throws Exception {
        try (SdkClients clients = new SdkClients(emulator(), "AKIDUNKNOWN", "whatever")) {
            Throwable bedrock = Streams.bedrock(clients.bedrock, "echo-rejected", Streams.thenHold("{}"))
                    .failure();
            Throwable sagemaker = Streams.sagemaker(
                            clients.sagemaker, Streams.endpoint("echo"), Streams.thenHold(Streams.text("hi")))
                    .failure();

            String message = "The security token included in the request is invalid.";
            assertRejected(bedrock, 403, "UnrecognizedClientException", message);
            assertRejected(sagemaker, 403, "UnrecognizedClientException", message);
        }
    }

    @Test
    void missingSignatureCarriesAwsMessage() throws Exception {
        try (SdkClients clients = rewriting(
                request -> request.toBuilder().removeHeader("Authorization").build())) {
            Throwable bedrock = Streams.bedrock(clients.bedrock, "echo-rejected", Streams.thenHold("{}"))
                    .failure();
            Throwable sagemaker = Streams.sagemaker(
                            clients.sagemaker, Streams.endpoint("echo"), Streams.thenHold(Streams.text("hi")))
                    .failure();

            assertRejected(bedrock, 403, "MissingAuthenticationTokenException", "Missing Authentication Token");
            assertRejected(sagemaker, 403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }
    }

    @Test
    void malformedSignatureCarriesAwsMessage() throws Exception {
        try (SdkClients clients = rewriting(request -> request.toBuilder()
                .putHeader("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/bedrock")
                .build())) {
            Throwable bedrock = Streams.bedrock(clients.bedrock, "echo-rejected", Streams.thenHold("{}"))
                    .failure();
            Throwable sagemaker = Streams.sagemaker(
                            clients.sagemaker, Streams.endpoint("echo"), Streams.thenHold(Streams.text("hi")))
                    .failure();

            assertRejected(bedrock, 403, "IncompleteSignatureException", "Authorization=AWS4-HMAC-SHA256");
            assertRejected(sagemaker, 403, "IncompleteSignatureException", "Authorization=AWS4-HMAC-SHA256");
        }
    }

    @Test
    void unknownModelAndEndpointCarryAwsMessage() throws Exception {
        SdkClients clients = SharedEmulators.clients(tls);
        Throwable bedrock = Streams.bedrock(clients.bedrock, "no-such-model", Streams.thenHold("{}"))
                .failure();
        Throwable sagemaker = Streams.sagemaker(
                        clients.sagemaker, Streams.endpoint("no-such-endpoint"), Streams.thenHold(Streams.text("hi")))
                .failure();

        assertRejected(bedrock, 400, "ValidationException", "The provided model identifier is invalid.");
        assertRejected(sagemaker, 400, "ValidationError", "no-such-endpoint");
    }

    @Test
    void invalidHeaderCarriesTheHeaderName() throws Exception {
        Throwable sagemaker = Streams.sagemaker(
                        SharedEmulators.clients(tls).sagemaker,
                        Streams.endpoint("echo").toBuilder()
                                .targetVariant("bad_variant")
                                .build(),
                        Streams.thenHold(Streams.text("hi")))
                .failure();

        assertRejected(sagemaker, 400, "InputValidationError", "X-Amzn-SageMaker-Target-Variant");
    }

    @Test
    void openErrorFaultCarriesItsMessage() throws Exception {
        String model = "echo-rejected-open-" + tls;
        String endpoint = "echo-rejected-open-" + tls;
        emulator()
                .reconfigure(config -> config.bedrockModel(
                                model,
                                BedrockModel.echo()
                                        .withFaults(Faults.none()
                                                .withOpenError("ThrottlingException", -1, "slow down, bedrock")))
                        .sagemakerEndpoint(
                                endpoint,
                                SageMakerEndpoint.of("echo")
                                        .withFaults(Faults.none()
                                                .withOpenError(
                                                        "ServiceUnavailableError", -1, "slow down, sagemaker"))));
        SdkClients clients = SharedEmulators.clients(tls);

        Throwable bedrock =
                Streams.bedrock(clients.bedrock, model, Streams.thenHold("{}")).failure();
        Throwable sagemaker = Streams.sagemaker(
                        clients.sagemaker, Streams.endpoint(endpoint), Streams.thenHold(Streams.text("hi")))
                .failure();

        assertRejected(bedrock, 429, "ThrottlingException", "slow down, bedrock");
        assertRejected(sagemaker, 503, "ServiceUnavailableError", "slow down, sagemaker");
    }

    private SdkClients rewriting(UnaryOperator<SdkHttpRequest> rewrite) {
        return new SdkClients(emulator(), StaticCredentials.of(emulator()), List.of(), rewrite);
    }

    private static void assertRejected(Throwable failure, int status, String errorCode, String message) {
        assertThat(failure).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
