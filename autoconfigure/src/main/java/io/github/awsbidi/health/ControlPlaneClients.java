package io.github.awsbidi.health;

import io.github.awsbidi.core.client.ConnectionSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;

/**
 * The control-plane clients health checks use, one per service and connection, on one shared HTTP client. They
 * reach the same region and endpoint, with the same credentials, as the sessions they check
 * ({@link ConnectionSettings#applyTo}).
 */
public final class ControlPlaneClients implements AutoCloseable {

    private final SdkAsyncHttpClient httpClient;
    private final Map<Key, SdkClient> clients = new ConcurrentHashMap<>();

    /**
     * Clients on one HTTP client built from {@code httpClient}: the application's HTTP settings, trust and
     * customizers, as for the streaming clients.
     */
    public ControlPlaneClients(NettyNioAsyncHttpClient.Builder httpClient) {
        this.httpClient = httpClient.build();
    }

    /** The SageMaker control-plane client for that connection. */
    public SageMakerAsyncClient sageMaker(ConnectionSettings connection) {
        return (SageMakerAsyncClient) clients.computeIfAbsent(new Key("sagemaker", connection), key -> {
            return connection
                    .applyTo(SageMakerAsyncClient.builder().httpClient(httpClient))
                    .build();
        });
    }

    /** The Bedrock control-plane client for that connection. */
    public BedrockAsyncClient bedrock(ConnectionSettings connection) {
        return (BedrockAsyncClient) clients.computeIfAbsent(new Key("bedrock", connection), key -> {
            return connection
                    .applyTo(BedrockAsyncClient.builder().httpClient(httpClient))
                    .build();
        });
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        httpClient.close();
    }

    private record Key(String service, ConnectionSettings connection) {}
}
