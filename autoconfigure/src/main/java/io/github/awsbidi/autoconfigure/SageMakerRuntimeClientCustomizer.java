package io.github.awsbidi.autoconfigure;

import software.amazon.awssdk.services.sagemakerruntimehttp2.SageMakerRuntimeHttp2AsyncClientBuilder;

/**
 * Customizes every SageMaker Runtime HTTP/2 client builder before its client is built, after the region, endpoint
 * and credentials are applied. Beans of this type run in {@link org.springframework.core.annotation.Order} order.
 * HTTP/2 and the disabled SDK retries are re-applied afterwards: the operation cannot work without them.
 */
@FunctionalInterface
public interface SageMakerRuntimeClientCustomizer {

    /** Customizes the builder. */
    void customize(SageMakerRuntimeHttp2AsyncClientBuilder builder);
}
