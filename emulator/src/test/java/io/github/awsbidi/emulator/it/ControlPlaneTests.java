package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.config.BedrockModel;
import io.github.awsbidi.emulator.config.EndpointStatus;
import io.github.awsbidi.emulator.config.ModelLifecycle;
import io.github.awsbidi.emulator.config.SageMakerEndpoint;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycleStatus;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * The control-plane calls health checks make, through the SDK's own clients: on their default HTTP/1.1
 * and on HTTP/2, over h2c and TLS.
 */
@ParameterizedClass(name = "tls={0}, http2={1}")
@CsvSource({"false, false", "false, true", "true, false", "true, true"})
class ControlPlaneTests {

    @Parameter(0)
    boolean tls;

    @Parameter(1)
    boolean http2;

    private BidiEmulator emulator() {
        return SharedEmulators.emulator(tls);
    }

    private SageMakerAsyncClient sagemaker() {
        SdkClients clients = SharedEmulators.clients(tls);
        return http2 ? clients.sagemakerControlHttp2 : clients.sagemakerControl;
    }

    private BedrockAsyncClient bedrock() {
        SdkClients clients = SharedEmulators.clients(tls);
        return http2 ? clients.bedrockControlHttp2 : clients.bedrockControl;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = EndpointStatus.class,
            names = {"IN_SERVICE", "CREATING", "UPDATING", "FAILED", "OUT_OF_SERVICE"})
    void describeEndpointReportsTheConfiguredStatus(EndpointStatus status) {
        String name = "status-" + status.wireName().toLowerCase(java.util.Locale.ROOT);
        emulator()
                .reconfigure(config -> config.sagemakerEndpoint(
                        name, SageMakerEndpoint.of("echo").withStatus(status)));

        var endpoint = sagemaker()
                .describeEndpoint(request -> request.endpointName(name))
                .join();

        assertThat(endpoint.endpointName()).isEqualTo(name);
        assertThat(endpoint.endpointStatusAsString()).isEqualTo(status.wireName());
        assertThat(endpoint.productionVariants())
                .extracting(variant -> variant.variantName())
                .containsExactly("variant-1");
        assertThat(endpoint.failureReason() != null).isEqualTo(status == EndpointStatus.FAILED);
    }

    @Test
    void describeEndpointOfAnUnknownEndpointFails() {
        assertThatThrownBy(() -> sagemaker()
                        .describeEndpoint(request -> request.endpointName("no-such-endpoint"))
                        .join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.getMessage()).contains("Could not find endpoint");
                });
    }

    @Test
    void getFoundationModelReportsAnActiveModel() {
        var model = bedrock()
                .getFoundationModel(request -> request.modelIdentifier(EmulatorConfig.NOVA_2_SONIC))
                .join();

        assertThat(model.modelDetails().modelId()).isEqualTo(EmulatorConfig.NOVA_2_SONIC);
        assertThat(model.modelDetails().modelLifecycle().status()).isEqualTo(FoundationModelLifecycleStatus.ACTIVE);
    }

    @Test
    void nova25SonicIsServedByDefaultAndActive() {
        var model = bedrock()
                .getFoundationModel(request -> request.modelIdentifier(EmulatorConfig.NOVA_2_5_SONIC))
                .join();

        assertThat(model.modelDetails().modelId()).isEqualTo("amazon.nova-2-5-sonic");
        assertThat(model.modelDetails().modelName()).isEqualTo("Nova 2.5 Sonic");
        assertThat(model.modelDetails().modelLifecycle().status()).isEqualTo(FoundationModelLifecycleStatus.ACTIVE);
    }

    @Test
    void getFoundationModelReportsALegacyModel() {
        String modelId = "echo-legacy-v1:0";
        emulator()
                .reconfigure(config ->
                        config.bedrockModel(modelId, BedrockModel.echo().withLifecycle(ModelLifecycle.LEGACY)));

        var model = bedrock()
                .getFoundationModel(request -> request.modelIdentifier(modelId))
                .join();

        assertThat(model.modelDetails().modelLifecycle().status()).isEqualTo(FoundationModelLifecycleStatus.LEGACY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        EmulatorConfig.NOVA_SONIC_V1 + ", end of its life",
        "amazon.no-such-model-v9:0, model identifier is invalid"
    })
    void getFoundationModelOfARetiredOrUnknownModelIsNotFound(String modelId, String message) {
        assertThatThrownBy(() -> bedrock()
                        .getFoundationModel(request -> request.modelIdentifier(modelId))
                        .join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(404);
                            assertThat(e.getMessage()).contains(message);
                        });
    }
}
