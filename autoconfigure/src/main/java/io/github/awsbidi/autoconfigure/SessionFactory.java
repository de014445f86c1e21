package io.github.awsbidi.autoconfigure;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.awsbidi.autoconfigure.SessionDefinitions.BedrockDefinition;
import io.github.awsbidi.autoconfigure.SessionDefinitions.SageMakerDefinition;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.sagemaker.SageMakerSession;

/**
 * Creates the session beans registered by {@link SessionBeanRegistrar}: each on the shared client of its
 * connection, with the configured listener, retries and limits. Remembers each session's connection, so that other
 * auto-configurations (health checks through the control plane) reach the same service as the session.
 */
public final class SessionFactory {

    private final BidiClientFactory clients;

    private final SessionConnections connections;

    private final SessionOptions options;

    SessionFactory(BidiClientFactory clients, SessionConnections connections, SessionOptions options) {
        this.clients = clients;
        this.connections = connections;
        this.options = options;
    }

    private final Map<String, ConnectionSettings> sessionConnections = new ConcurrentHashMap<>();

    /** The region, endpoint and credentials of the session of that name, once its bean exists. */
    public Optional<ConnectionSettings> connection(String sessionName) {
        return Optional.ofNullable(sessionConnections.get(sessionName));
    }

    SageMakerSession sageMaker(SageMakerDefinition definition) {
        ConnectionSettings connection = connections.forSession(
                SessionDefinitions.SAGEMAKER_PREFIX + "." + definition.name(), definition.region(),
                definition.endpoint());
        sessionConnections.put(definition.name(), connection);
        return SageMakerSession.create(definition.name(), clients.sageMaker(connection), definition.settings(),
                options);
    }

    BedrockSession bedrock(BedrockDefinition definition) {
        ConnectionSettings connection = connections.forSession(
                SessionDefinitions.BEDROCK_PREFIX + "." + definition.name(), definition.region(),
                definition.endpoint());
        sessionConnections.put(definition.name(), connection);
        return BedrockSession.create(definition.name(), clients.bedrock(connection), definition.settings(), options);
    }

    SessionOptions options() {
        return options;
    }
}
