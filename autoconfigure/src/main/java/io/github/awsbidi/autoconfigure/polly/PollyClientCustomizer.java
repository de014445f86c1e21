package io.github.awsbidi.autoconfigure.polly;

import software.amazon.awssdk.services.polly.PollyAsyncClientBuilder;

/**
 * Customizes every Polly client builder before its client is built, after the region, endpoint and credentials are
 * applied. Beans of this type run in {@link org.springframework.core.annotation.Order} order. The disabled SDK
 * retries are re-applied afterwards: the operation cannot work with them.
 */
@FunctionalInterface
public interface PollyClientCustomizer {

    /** Customizes the builder. */
    void customize(PollyAsyncClientBuilder builder);
}
