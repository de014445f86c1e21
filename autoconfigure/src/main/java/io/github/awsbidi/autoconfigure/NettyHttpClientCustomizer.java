package io.github.awsbidi.autoconfigure;

import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

/**
 * Customizes the Netty HTTP client builder behind every SDK client, after the {@code aws.bidi.http.*} settings
 * are applied. Beans of this type run in {@link org.springframework.core.annotation.Order} order. HTTP/2 with ALPN is
 * re-pinned afterwards: both operations fail without it.
 */
@FunctionalInterface
public interface NettyHttpClientCustomizer {

    /** Customizes the builder. */
    void customize(NettyNioAsyncHttpClient.Builder builder);
}
