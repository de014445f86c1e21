package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.auth.AwsCredential;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.SageMakerRuntimeHttp2Exception;

/** SigV4 is checked on every stream: bad signatures fail with AWS's error types and never reach the model. */
class SignatureTests {

    private final BidiEmulator emulator = SharedEmulators.emulator(false);

    @Test
    void wrongSecretIsRejectedWithInvalidSignatureAndNothingOpens() throws Exception {
        long openedBefore = emulator.stats().streamsOpened();
        Throwable bedrock;
        Throwable sagemaker;
        try (SdkClients clients = new SdkClients(emulator, emulator.accessKeyId(), "not-the-secret")) {
            bedrock = Streams.bedrock(clients.bedrock, "echo-signed", Flux.just("{}"))
                    .failure();
            sagemaker = Streams.sagemaker(clients.sagemaker, Streams.endpoint("echo"), Flux.just(Streams.text("hi")))
                    .failure();
        }

        assertThat(bedrock).isInstanceOfSatisfying(BedrockRuntimeException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        });
        assertThat(sagemaker).isInstanceOfSatisfying(SageMakerRuntimeHttp2Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        });
        assertThat(emulator.stats().streamsOpened()).isEqualTo(openedBefore);
    }

    @Test
    void unknownAccessKeyIsRejectedAsUnrecognizedClient() throws Exception {
        long openedBefore = emulator.stats().streamsOpened();
        Throwable failure;
        try (SdkClients clients = new SdkClients(emulator, "AKIDUNKNOWN", "whatever")) {
            failure = Streams.bedrock(clients.bedrock, "echo-signed", Flux.just("{}"))
                    .failure();
        }

        assertThat(failure).isInstanceOfSatisfying(BedrockRuntimeException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
        });
        assertThat(emulator.stats().streamsOpened()).isEqualTo(openedBefore);
    }

    @Test
    void everyConfiguredCredentialPairIsAccepted() throws Exception {
        var extra = new AwsCredential("AKIDEXTRA", "extra-secret");
        try (BidiEmulator own = BidiEmulator.start(EmulatorConfig.builder()
                        .credentials(List.of(EmulatorConfig.DEFAULT_CREDENTIAL, extra))
                        .build());
                SdkClients first = new SdkClients(own);
                SdkClients second = new SdkClients(own, extra.accessKeyId(), extra.secretAccessKey())) {

            assertThat(Streams.bedrock(first.bedrock, "echo-a", Flux.just("{\"who\":1}"))
                            .await())
                    .containsExactly("{\"who\":1}");
            assertThat(Streams.bedrock(second.bedrock, "echo-b", Flux.just("{\"who\":2}"))
                            .await())
                    .containsExactly("{\"who\":2}");
            assertThat(second.sagemakerControl
                            .describeEndpoint(request -> request.endpointName("echo"))
                            .join()
                            .endpointStatusAsString())
                    .isEqualTo("InService");
        }
    }
}
