package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.ExchangeGate;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.listener.ExchangeListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntimehttp2.SageMakerRuntimeHttp2AsyncClient;

/**
 * Auto-configuration of AWS bidirectional-streaming sessions: one {@link BidirectionalSession} bean per entry under
 * {@code aws.bidi.sagemaker.sessions} and {@code aws.bidi.bedrock.sessions}, on SDK clients shared per connection by
 * a {@link BidiClientFactory} tuned by {@code aws.bidi.http.*} and the client customizer beans. Sessions connect
 * where the {@link AwsBidiConnectionDetails} say ({@link SessionConnections}), and drain when the context closes
 * ({@code aws.bidi.shutdown.timeout}).
 */
@AutoConfiguration
@ConditionalOnClass({
    BidirectionalSession.class,
    SageMakerRuntimeHttp2AsyncClient.class,
    BedrockRuntimeAsyncClient.class,
    NettyNioAsyncHttpClient.class
})
@EnableConfigurationProperties(AwsBidiProperties.class)
@Import(SessionBeanRegistrar.class)
@ImportRuntimeHints(AwsBidiRuntimeHints.class)
public final class AwsBidiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(AwsBidiConnectionDetails.class)
    PropertiesAwsBidiConnectionDetails awsBidiConnectionDetails(
            AwsBidiProperties properties,
            ObjectProvider<AwsRegionProvider> regionProvider,
            ObjectProvider<AwsCredentialsProvider> credentialsProvider) {
        return new PropertiesAwsBidiConnectionDetails(
                properties, regionProvider.getIfAvailable(), credentialsProvider.getIfAvailable());
    }

    @Bean
    AwsBidiHttpClients awsBidiHttpClients(
            AwsBidiProperties properties,
            AwsBidiConnectionDetails connectionDetails,
            ObjectProvider<NettyHttpClientCustomizer> httpCustomizers) {
        return new AwsBidiHttpClients(
                ClientSettings.http(properties.getHttp(), connectionDetails.trustManagers()),
                httpCustomizers.orderedStream().toList());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    BidiClientFactory awsBidiClientFactory(
            AwsBidiHttpClients httpClients,
            ObjectProvider<SageMakerRuntimeClientCustomizer> sageMakerCustomizers,
            ObjectProvider<BedrockRuntimeClientCustomizer> bedrockCustomizers) {
        BidiClientFactory.Builder builder = httpClients.streaming();
        sageMakerCustomizers.orderedStream().forEach(customizer -> builder.sageMakerCustomizer(customizer::customize));
        bedrockCustomizers.orderedStream().forEach(customizer -> builder.bedrockCustomizer(customizer::customize));
        return builder.build();
    }

    @Bean
    SessionConnections awsBidiSessionConnections(AwsBidiConnectionDetails connectionDetails, Environment environment) {
        // Bound again at run time: an application processed ahead of time has no registrar run at startup.
        return SessionConnections.of(connectionDetails, SessionDefinitions.bind(Binder.get(environment)));
    }

    @Bean
    ExchangeGate awsBidiExchangeGate() {
        return ExchangeGate.create();
    }

    @Bean(SessionBeanRegistrar.SESSION_FACTORY)
    SessionFactory awsBidiSessionFactory(
            AwsBidiProperties properties,
            SessionConnections connections,
            BidiClientFactory clientFactory,
            ExchangeGate gate,
            ObjectProvider<ExchangeListener> listeners) {
        ExchangeListener listener =
                ExchangeListener.composite(listeners.orderedStream().toList());
        return new SessionFactory(
                clientFactory,
                connections,
                ClientSettings.sessionOptions(properties, listener).withGate(gate));
    }

    @Bean
    SessionDrain awsBidiSessionDrain(
            ExchangeGate gate,
            ObjectProvider<DrainParticipant> participants,
            AwsBidiProperties properties,
            ApplicationEventPublisher events) {
        return new SessionDrain(gate, participants, properties.getShutdown().getTimeout(), events);
    }
}
