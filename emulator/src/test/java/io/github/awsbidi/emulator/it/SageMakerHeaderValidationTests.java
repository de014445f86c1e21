package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InputValidationErrorException;
import software.amazon.awssdk.services.sagemakerruntimehttp2.model.InvokeEndpointWithBidirectionalStreamRequest;

/**
 * Each optional SageMaker header is checked against AWS's pattern and length; the SDK sends the values
 * as given, so the emulator must reject them with InputValidationError naming the header.
 */
class SageMakerHeaderValidationTests {

    static Stream<Arguments> invalidHeaders() {
        var request = InvokeEndpointWithBidirectionalStreamRequest.builder().endpointName("echo");
        return Stream.of(
                Arguments.of(
                        "variant with an underscore",
                        request.copy().targetVariant("bad_variant").build(),
                        "X-Amzn-SageMaker-Target-Variant"),
                Arguments.of(
                        "variant of 64 characters",
                        request.copy().targetVariant("v".repeat(64)).build(),
                        "X-Amzn-SageMaker-Target-Variant"),
                Arguments.of(
                        "path with an empty segment",
                        request.copy().modelInvocationPath("v1//listen").build(),
                        "X-Amzn-SageMaker-Model-Invocation-Path"),
                Arguments.of(
                        "path of 101 characters",
                        request.copy().modelInvocationPath("p".repeat(101)).build(),
                        "X-Amzn-SageMaker-Model-Invocation-Path"),
                Arguments.of(
                        "query without '='",
                        request.copy().modelQueryString("novalue").build(),
                        "X-Amzn-SageMaker-Model-Query-String"),
                Arguments.of(
                        "query of 2049 characters",
                        request.copy().modelQueryString("q=" + "x".repeat(2047)).build(),
                        "X-Amzn-SageMaker-Model-Query-String"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidHeaders")
    void invalidHeaderFailsWithInputValidationErrorNamingIt(
            String description, InvokeEndpointWithBidirectionalStreamRequest request, String header) throws Exception {
        Throwable failure = Streams.sagemaker(
                        SharedEmulators.clients(false).sagemaker, request, Flux.just(Streams.text("hi")))
                .failure();

        assertThat(failure).isInstanceOfSatisfying(InputValidationErrorException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.getMessage()).contains(header);
        });
    }
}
