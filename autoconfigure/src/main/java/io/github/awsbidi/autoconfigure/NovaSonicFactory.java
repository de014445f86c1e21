package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.autoconfigure.SessionDefinitions.BedrockDefinition;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.novasonic.ConversationListener;
import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.novasonic.NovaSonicSettings;
import io.github.awsbidi.novasonic.NovaSonicTool;
import io.github.awsbidi.novasonic.RenewalCause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Creates the {@code <name>NovaSonic} beans registered by {@link NovaSonicBeanRegistrar}, by session name: the
 * session's {@code nova-sonic.*} settings (bound from the properties of this run), every {@link NovaSonicTool} bean,
 * the {@link NovaSonicCustomizer} beans, the session's credentials provider (so that temporary credentials renew the
 * stream before they expire), the {@link ConversationListener} beans and a listener from each
 * {@link NovaSonicListenerFactory} bean (the conversation meters among them). The
 * bean definitions name this factory method, which ahead-of-time processing turns into code.
 */
public final class NovaSonicFactory {

    /** The name of this factory's bean. */
    static final String BEAN_NAME = "awsBidiNovaSonicFactory";

    private final SessionConnections connections;

    private final List<NovaSonicTool> tools;

    private final List<NovaSonicCustomizer> customizers;

    private final List<ConversationListener> listeners;

    private final List<NovaSonicListenerFactory> listenerFactories;

    NovaSonicFactory(
            SessionConnections connections,
            List<NovaSonicTool> tools,
            List<NovaSonicCustomizer> customizers,
            List<ConversationListener> listeners,
            List<NovaSonicListenerFactory> listenerFactories) {
        this.connections = connections;
        this.tools = List.copyOf(tools);
        this.customizers = List.copyOf(customizers);
        this.listeners = List.copyOf(listeners);
        this.listenerFactories = List.copyOf(listenerFactories);
    }

    /** The Nova Sonic client of the Bedrock session of that name, over {@code session}. */
    public NovaSonic novaSonic(String name, BidirectionalSession session) {
        BedrockDefinition definition = connections.definitions().bedrock(name);
        NovaSonicSettings.Builder settings =
                NovaSonicSettingsBinder.settings(definition.novaSonicPrefix(), definition.novaSonic()).toBuilder();
        tools.forEach(settings::tool);
        customizers.forEach(customizer -> customizer.customize(name, settings));
        NovaSonic client = NovaSonic.create(session, settings.build());
        ConnectionSettings connection = connections.forSession(name);
        // The provider the session's SDK client signs with: the configured one, else the same default chain.
        client = client.withCredentials(
                connection.credentialsProvider() != null
                        ? connection.credentialsProvider()
                        : DefaultCredentialsProvider.builder().build());
        List<ConversationListener> all = new ArrayList<>(listeners);
        listenerFactories.forEach(factory -> all.add(factory.listener(name)));
        if (!all.isEmpty()) {
            client = client.withListener(all.size() == 1 ? all.get(0) : new Composite(List.copyOf(all)));
        }
        return client;
    }

    /** Several listeners as one, each told in order. */
    private record Composite(List<ConversationListener> listeners) implements ConversationListener {

        @Override
        public void responseLatency(Duration latency) {
            listeners.forEach(listener -> listener.responseLatency(latency));
        }

        @Override
        public void bargeIn() {
            listeners.forEach(ConversationListener::bargeIn);
        }

        @Override
        public void renewed(RenewalCause cause) {
            listeners.forEach(listener -> listener.renewed(cause));
        }

        @Override
        public void recovered(String error) {
            listeners.forEach(listener -> listener.recovered(error));
        }

        @Override
        public void tokens(String direction, String modality, long count) {
            listeners.forEach(listener -> listener.tokens(direction, modality, count));
        }
    }
}
