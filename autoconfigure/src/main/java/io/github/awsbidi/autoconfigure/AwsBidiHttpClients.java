package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.HttpClientSettings;
import java.util.List;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

/**
 * The one place the application's HTTP settings ({@code aws.bidi.http.*}, the connection details' trust) and its
 * {@link NettyHttpClientCustomizer} beans become HTTP clients: the streaming clients' {@link BidiClientFactory} and
 * the control-plane clients of the health checks are both built here.
 */
public final class AwsBidiHttpClients {

    private final HttpClientSettings settings;

    private final List<NettyHttpClientCustomizer> customizers;

    AwsBidiHttpClients(HttpClientSettings settings, List<NettyHttpClientCustomizer> customizers) {
        this.settings = settings;
        this.customizers = List.copyOf(customizers);
    }

    /** The factory of the streaming clients, with these settings and customizers (HTTP/2 is pinned by it). */
    BidiClientFactory.Builder streaming() {
        BidiClientFactory.Builder builder = BidiClientFactory.builder().httpSettings(settings);
        customizers.forEach(customizer -> builder.httpClientCustomizer(customizer::customize));
        return builder;
    }

    /**
     * An HTTP client builder for control-plane (request-response) clients: the same limits, timeouts, trust and
     * customizers as the streaming clients, without their HTTP/2-only settings.
     */
    public NettyNioAsyncHttpClient.Builder controlPlane() {
        NettyNioAsyncHttpClient.Builder builder = NettyNioAsyncHttpClient.builder()
                .maxConcurrency(settings.maxConcurrency())
                .connectionTimeout(settings.connectTimeout())
                .connectionAcquisitionTimeout(settings.acquireTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.writeTimeout());
        if (settings.tlsTrustManagers() != null) {
            builder.tlsTrustManagersProvider(settings.tlsTrustManagers());
        }
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
