package io.github.awsbidi.autoconfigure.polly;

import io.github.awsbidi.autoconfigure.AwsBidiConfigurationException;
import io.github.awsbidi.autoconfigure.AwsBidiProperties;
import io.github.awsbidi.autoconfigure.SessionConnections;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.polly.PollySession;
import io.github.awsbidi.polly.PollySessionSettings;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.polly.PollyAsyncClient;
import software.amazon.awssdk.services.polly.PollyAsyncClientBuilder;

/**
 * Creates the Polly session beans registered by {@link PollyBeanRegistrar}, by name: on the shared Polly client of
 * the session's connection (the {@link BidiClientFactory}'s Netty settings, the {@link PollyClientCustomizer}s), with
 * the options every session gets, its settings bound from the properties of this run.
 */
public final class PollySessionFactory {

    static final String BEAN_NAME = "awsBidiPollySessionFactory";

    private final BidiClientFactory clients;
    private final SessionConnections connections;
    private final SessionOptions options;
    private final AwsBidiProperties.Polly properties;
    private final List<Consumer<PollyAsyncClientBuilder>> customizers;

    PollySessionFactory(
            BidiClientFactory clients,
            SessionConnections connections,
            SessionOptions options,
            AwsBidiProperties.Polly properties,
            List<PollyClientCustomizer> customizers) {
        this.clients = clients;
        this.connections = connections;
        this.options = options;
        this.properties = properties;
        this.customizers = customizers.stream()
                .map(customizer -> (Consumer<PollyAsyncClientBuilder>) customizer::customize)
                .toList();
    }

    /** The Polly session configured under {@code aws.bidi.polly.sessions.<name>}. */
    public PollySession polly(String name) {
        String prefix = PollyBeanRegistrar.PREFIX + "." + name;
        AwsBidiProperties.PollySession entry = properties.getSessions().get(name);
        if (entry == null) {
            throw new AwsBidiConfigurationException(
                    prefix,
                    "Polly session '" + name + "' has a bean but " + prefix + " is not configured at run time.",
                    "Configure " + prefix + " at run time too.",
                    null);
        }
        PollySessionSettings settings = PollySettingsBinder.settings(prefix, entry);
        return PollySession.create(name, client(name), settings, options);
    }

    /** Whether a session of that name is configured (a bean the application made itself is not). */
    boolean configured(String name) {
        return properties.getSessions().containsKey(name);
    }

    /** The shared Polly client of the session of that name (its health check asks the same client). */
    PollyAsyncClient client(String name) {
        ConnectionSettings connection =
                connections.find(name).orElseThrow(() -> new IllegalArgumentException("no session '" + name + "'"));
        return PollySession.client(clients, connection, customizers);
    }
}
