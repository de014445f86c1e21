package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.autoconfigure.SessionDefinitions.BedrockDefinition;
import io.github.awsbidi.autoconfigure.SessionDefinitions.SageMakerDefinition;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.sagemaker.SageMakerSession;

/**
 * Creates the session beans registered by {@link SessionBeanRegistrar}, by name: each on the shared client of the
 * connection {@link SessionConnections} gives it, with the configured listener, retries, limits and drain gate, and
 * its settings bound from the properties of this run (so that an application processed ahead of time still reads
 * them when it starts). The bean definitions name these factory methods, which ahead-of-time processing turns into
 * code.
 */
public final class SessionFactory {

    private final BidiClientFactory clients;

    private final SessionDefinitions definitions;

    private final SessionConnections connections;

    private final SessionOptions options;

    SessionFactory(BidiClientFactory clients, SessionConnections connections, SessionOptions options) {
        this.clients = clients;
        this.definitions = connections.definitions();
        this.connections = connections;
        this.options = options;
    }

    /** The SageMaker session configured under {@code aws.bidi.sagemaker.sessions.<name>}. */
    public SageMakerSession sageMaker(String name) {
        SageMakerDefinition definition = definitions.sageMaker(name);
        return SageMakerSession.create(
                name, clients.sageMaker(connections.forSession(name)), definition.settings(), options);
    }

    /** The Bedrock session configured under {@code aws.bidi.bedrock.sessions.<name>}. */
    public BedrockSession bedrock(String name) {
        BedrockDefinition definition = definitions.bedrock(name);
        return BedrockSession.create(
                name, clients.bedrock(connections.forSession(name)), definition.settings(), options);
    }

    /** The options every session gets: the listeners, retries, limits and drain gate; for other modules' sessions. */
    public SessionOptions options() {
        return options;
    }
}
