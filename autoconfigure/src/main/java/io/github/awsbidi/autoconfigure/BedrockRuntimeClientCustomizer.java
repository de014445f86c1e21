package io.github.awsbidi.autoconfigure;

import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;

/**
 * Customizes every Bedrock Runtime client builder before its client is built, after the region, endpoint and
 * credentials are applied. Beans of this type run in {@link org.springframework.core.annotation.Order} order. The
 * disabled SDK retries are re-applied afterwards: the operation cannot work with them.
 */
@FunctionalInterface
public interface BedrockRuntimeClientCustomizer {

    /** Customizes the builder. */
    void customize(BedrockRuntimeAsyncClientBuilder builder);
}
