package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.autoconfigure.SessionDefinitions.BedrockDefinition;
import io.github.awsbidi.autoconfigure.SessionDefinitions.SageMakerDefinition;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.sagemaker.SageMakerSession;

/**
 * Creates the session beans registered by {@link SessionBeanRegistrar}: each on the shared client of its
 * connection, with the configured listener, retries and limits.
 */
final class SessionFactory {

    private final BidiClientFactory clients;

    private final SessionConnections connections;

    private final SessionOptions options;

    SessionFactory(BidiClientFactory clients, SessionConnections connections, SessionOptions options) {
        this.clients = clients;
        this.connections = connections;
        this.options = options;
    }

    SageMakerSession sageMaker(SageMakerDefinition definition) {
        ConnectionSettings connection = connections.forSession(
                SessionDefinitions.SAGEMAKER_PREFIX + "." + definition.name(), definition.region(),
                definition.endpoint());
        return SageMakerSession.create(definition.name(), clients.sageMaker(connection), definition.settings(),
                options);
    }

    BedrockSession bedrock(BedrockDefinition definition) {
        ConnectionSettings connection = connections.forSession(
                SessionDefinitions.BEDROCK_PREFIX + "." + definition.name(), definition.region(),
                definition.endpoint());
        return BedrockSession.create(definition.name(), clients.bedrock(connection), definition.settings(), options);
    }

    SessionOptions options() {
        return options;
    }
}
