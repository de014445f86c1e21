package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.novasonic.ConversationListener;
import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.novasonic.NovaSonicTool;
import io.github.awsbidi.novasonic.micrometer.NovaSonicMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * Auto-configuration of the {@code <name>NovaSonic} clients beside the Bedrock sessions of
 * {@link AwsBidiAutoConfiguration}: only when the aws-bidi-novasonic module is on the classpath, and only for
 * sessions whose model is a Nova Sonic model or that set {@code nova-sonic.enabled=true}. With a Micrometer
 * {@link MeterRegistry} the conversations report the {@code aws.bidi.novasonic.*} meters; at shutdown every open
 * conversation sends its closing sequence.
 */
@AutoConfiguration(
        after = AwsBidiAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnClass({
    NovaSonic.class,
    BidirectionalSession.class,
    BedrockRuntimeAsyncClient.class,
    NettyNioAsyncHttpClient.class
})
@Import(NovaSonicBeanRegistrar.class)
@ImportRuntimeHints(NovaSonicRuntimeHints.class)
public final class NovaSonicAutoConfiguration {

    @Bean(NovaSonicFactory.BEAN_NAME)
    NovaSonicFactory awsBidiNovaSonicFactory(
            SessionConnections connections,
            ObjectProvider<NovaSonicTool> tools,
            ObjectProvider<NovaSonicCustomizer> customizers,
            ObjectProvider<ConversationListener> listeners,
            ObjectProvider<NovaSonicListenerFactory> listenerFactories) {
        return new NovaSonicFactory(
                connections,
                tools.orderedStream().toList(),
                customizers.orderedStream().toList(),
                listeners.orderedStream().toList(),
                listenerFactories.orderedStream().toList());
    }

    @Bean
    DrainParticipant awsBidiNovaSonicDrain(ObjectProvider<NovaSonic> novaSonics) {
        return () -> Flux.fromStream(novaSonics.orderedStream())
                .flatMap(NovaSonic::closeConversations)
                .then();
    }

    /** The conversation meters, when Micrometer is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnBooleanProperty(name = "aws.bidi.metrics.enabled", matchIfMissing = true)
    static class Meters {

        @Bean
        NovaSonicListenerFactory awsBidiNovaSonicMeters(MeterRegistry registry) {
            return session -> new NovaSonicMeters(registry, session);
        }
    }
}
