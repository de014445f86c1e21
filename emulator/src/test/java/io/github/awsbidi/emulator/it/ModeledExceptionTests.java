package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.config.BedrockModel;
import io.github.awsbidi.emulator.config.Faults;
import io.github.awsbidi.emulator.config.SageMakerEndpoint;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InternalServerErrorException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InternalStreamFailureException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.ServiceUnavailableErrorException;

/** Every modeled exception the emulator can inject arrives as the SDK's own exception type. */
class ModeledExceptionTests {

    private static final String MESSAGE = "injected by the test";

    private final BidiEmulator emulator = SharedEmulators.emulator(false);
    private final SdkClients clients = SharedEmulators.clients(false);

    static Stream<Arguments> bedrockInStreamExceptions() {
        return Stream.of(
                Arguments.of("internalServerException", InternalServerException.class),
                Arguments.of("modelStreamErrorException", ModelStreamErrorException.class),
                Arguments.of("validationException", ValidationException.class),
                Arguments.of("throttlingException", ThrottlingException.class),
                Arguments.of("modelTimeoutException", ModelTimeoutException.class),
                Arguments.of("serviceUnavailableException", ServiceUnavailableException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bedrockInStreamExceptions")
    void bedrockInStreamExceptionArrivesAsTheSdkType(String type, Class<? extends Throwable> sdkType) throws Exception {
        String modelId = "echo-in-stream-" + type;
        emulator.reconfigure(config -> config.bedrockModel(
                modelId, BedrockModel.echo().withFaults(Faults.none().withInStreamError(type, 2, MESSAGE))));

        var result = Streams.bedrock(clients.bedrock, modelId, Streams.thenHold("{\"n\":1}", "{\"n\":2}"));
        Throwable failure = result.failure();

        assertThat(failure).isInstanceOf(sdkType).hasMessageContaining(MESSAGE);
        assertThat(result.chunks()).containsExactly("{\"n\":1}", "{\"n\":2}");
    }

    static Stream<Arguments> sagemakerInStreamExceptions() {
        return Stream.of(
                Arguments.of(
                        "ModelStreamError",
                        software.amazon.awssdk.services.sagemakerruntimehttp2.model.ModelStreamErrorException.class),
                Arguments.of("InternalStreamFailure", InternalStreamFailureException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sagemakerInStreamExceptions")
    void sagemakerInStreamExceptionArrivesAsTheSdkType(String type, Class<? extends Throwable> sdkType)
            throws Exception {
        String endpoint = "echo-in-stream-" + type;
        emulator.reconfigure(config -> config.sagemakerEndpoint(
                endpoint, SageMakerEndpoint.of("echo").withFaults(Faults.none().withInStreamError(type, 1, MESSAGE))));

        Throwable failure = Streams.sagemaker(
                        clients.sagemaker, Streams.endpoint(endpoint), Streams.thenHold(Streams.text("hi")))
                .failure();

        assertThat(failure).isInstanceOf(sdkType).hasMessageContaining(MESSAGE);
    }

    static Stream<Arguments> bedrockOpenErrors() {
        return Stream.of(
                Arguments.of("ThrottlingException", ThrottlingException.class, 429),
                Arguments.of("ServiceUnavailableException", ServiceUnavailableException.class, 503),
                Arguments.of("ModelNotReadyException", ModelNotReadyException.class, 429),
                Arguments.of("AccessDeniedException", AccessDeniedException.class, 403),
                Arguments.of("ServiceQuotaExceededException", ServiceQuotaExceededException.class, 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bedrockOpenErrors")
    void bedrockOpenErrorArrivesAsTheSdkType(String type, Class<? extends AwsServiceException> sdkType, int status)
            throws Exception {
        String modelId = "echo-open-" + type;
        emulator.reconfigure(config -> config.bedrockModel(
                modelId, BedrockModel.echo().withFaults(Faults.none().withOpenError(type, -1, MESSAGE))));

        Throwable failure =
                Streams.bedrock(clients.bedrock, modelId, Flux.just("{}")).failure();

        assertThat(failure).isInstanceOf(sdkType).hasMessageContaining(MESSAGE);
        assertThat(((AwsServiceException) failure).statusCode()).isEqualTo(status);
    }

    static Stream<Arguments> sagemakerOpenErrors() {
        return Stream.of(
                Arguments.of("ServiceUnavailableError", ServiceUnavailableErrorException.class, 503),
                Arguments.of("ModelError", ModelErrorException.class, 424),
                Arguments.of("InternalServerError", InternalServerErrorException.class, 500));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sagemakerOpenErrors")
    void sagemakerOpenErrorArrivesAsTheSdkType(String type, Class<? extends AwsServiceException> sdkType, int status)
            throws Exception {
        String endpoint = "echo-open-" + type;
        emulator.reconfigure(config -> config.sagemakerEndpoint(
                endpoint, SageMakerEndpoint.of("echo").withFaults(Faults.none().withOpenError(type, -1, MESSAGE))));

        Throwable failure = Streams.sagemaker(
                        clients.sagemaker, Streams.endpoint(endpoint), Flux.just(Streams.text("hi")))
                .failure();

        assertThat(failure).isInstanceOf(sdkType).hasMessageContaining(MESSAGE);
        assertThat(((AwsServiceException) failure).statusCode()).isEqualTo(status);
    }

    @Test
    void openErrorWithCountOneFailsOnlyTheFirstOpen() throws Exception {
        String modelId = "echo-open-once";
        emulator.reconfigure(config -> config.bedrockModel(
                modelId,
                BedrockModel.echo().withFaults(Faults.none().withOpenError("ThrottlingException", 1, MESSAGE))));

        Throwable first =
                Streams.bedrock(clients.bedrock, modelId, Flux.just("{}")).failure();
        List<String> second = Streams.bedrock(clients.bedrock, modelId, Flux.just("{\"again\":true}"))
                .await();

        assertThat(first).isInstanceOf(ThrottlingException.class);
        assertThat(second).containsExactly("{\"again\":true}");
    }
}
