package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.core.listener.ExchangeListener;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntimehttp2.SageMakerRuntimeHttp2AsyncClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of AWS bidirectional-streaming sessions: one {@link BidirectionalSession} bean per entry under
 * {@code aws.bidi.sagemaker.sessions} and {@code aws.bidi.bedrock.sessions}, on SDK clients shared per connection by
 * a {@link BidiClientFactory} tuned by {@code aws.bidi.http.*} and the client customizer beans.
 */
@AutoConfiguration
@ConditionalOnClass({ BidirectionalSession.class, SageMakerRuntimeHttp2AsyncClient.class,
        BedrockRuntimeAsyncClient.class, NettyNioAsyncHttpClient.class })
@EnableConfigurationProperties(AwsBidiProperties.class)
@Import(SessionBeanRegistrar.class)
public final class AwsBidiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(AwsBidiConnectionDetails.class)
    PropertiesAwsBidiConnectionDetails awsBidiConnectionDetails(AwsBidiProperties properties,
            ObjectProvider<AwsRegionProvider> regionProvider,
            ObjectProvider<AwsCredentialsProvider> credentialsProvider) {
        return new PropertiesAwsBidiConnectionDetails(properties, regionProvider.getIfAvailable(),
                credentialsProvider.getIfAvailable());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    BidiClientFactory awsBidiClientFactory(AwsBidiProperties properties, AwsBidiConnectionDetails connectionDetails,
            ObjectProvider<NettyHttpClientCustomizer> httpCustomizers,
            ObjectProvider<SageMakerRuntimeClientCustomizer> sageMakerCustomizers,
            ObjectProvider<BedrockRuntimeClientCustomizer> bedrockCustomizers) {
        BidiClientFactory.Builder builder = BidiClientFactory.builder()
                .httpSettings(ClientSettings.http(properties.getHttp(), connectionDetails.trustManagers()));
        httpCustomizers.orderedStream().forEach(customizer -> builder.httpClientCustomizer(customizer::customize));
        sageMakerCustomizers.orderedStream().forEach(customizer -> builder.sageMakerCustomizer(customizer::customize));
        bedrockCustomizers.orderedStream().forEach(customizer -> builder.bedrockCustomizer(customizer::customize));
        return builder.build();
    }

    @Bean
    SessionFactory awsBidiSessionFactory(AwsBidiProperties properties, AwsBidiConnectionDetails connectionDetails,
            BidiClientFactory clientFactory, ObjectProvider<ExchangeListener> listeners,
            ObjectProvider<AwsRegionProvider> regionProvider,
            ObjectProvider<AwsCredentialsProvider> credentialsProvider) {
        PropertiesAwsBidiConnectionDetails defaults = new PropertiesAwsBidiConnectionDetails(properties,
                regionProvider.getIfAvailable(), credentialsProvider.getIfAvailable());
        ExchangeListener listener = ExchangeListener.composite(listeners.orderedStream().toList());
        return new SessionFactory(clientFactory, SessionConnections.of(connectionDetails, defaults),
                ClientSettings.sessionOptions(properties, listener));
    }
}
