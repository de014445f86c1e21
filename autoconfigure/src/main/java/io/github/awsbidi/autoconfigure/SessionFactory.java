package io.github.awsbidi.autoconfigure;

import java.util.List;

import io.github.awsbidi.autoconfigure.SessionDefinitions.BedrockDefinition;
import io.github.awsbidi.autoconfigure.SessionDefinitions.SageMakerDefinition;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.novasonic.NovaSonic;
import io.github.awsbidi.core.novasonic.NovaSonicSettings;
import io.github.awsbidi.core.novasonic.NovaSonicTool;
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

    private final List<NovaSonicTool> tools;

    private final List<NovaSonicCustomizer> novaSonicCustomizers;

    SessionFactory(BidiClientFactory clients, SessionConnections connections, SessionOptions options,
            List<NovaSonicTool> tools, List<NovaSonicCustomizer> novaSonicCustomizers) {
        this.clients = clients;
        this.definitions = connections.definitions();
        this.connections = connections;
        this.options = options;
        this.tools = List.copyOf(tools);
        this.novaSonicCustomizers = List.copyOf(novaSonicCustomizers);
    }

    /** The SageMaker session configured under {@code aws.bidi.sagemaker.sessions.<name>}. */
    public SageMakerSession sageMaker(String name) {
        SageMakerDefinition definition = definitions.sageMaker(name);
        return SageMakerSession.create(name, clients.sageMaker(connections.forSession(name)), definition.settings(),
                options);
    }

    /** The Bedrock session configured under {@code aws.bidi.bedrock.sessions.<name>}. */
    public BedrockSession bedrock(String name) {
        BedrockDefinition definition = definitions.bedrock(name);
        return BedrockSession.create(name, clients.bedrock(connections.forSession(name)), definition.settings(),
                options);
    }

    /**
     * The Nova Sonic client of the Bedrock session of that name: its {@code nova-sonic.*} settings, every
     * {@link NovaSonicTool} bean and the {@link NovaSonicCustomizer} beans.
     */
    public NovaSonic novaSonic(String name, BidirectionalSession session) {
        NovaSonicSettings.Builder settings = definitions.bedrock(name).novaSonic().toBuilder();
        tools.forEach(settings::tool);
        novaSonicCustomizers.forEach(customizer -> customizer.customize(name, settings));
        return NovaSonic.create(session, settings.build());
    }

    SessionOptions options() {
        return options;
    }
}
