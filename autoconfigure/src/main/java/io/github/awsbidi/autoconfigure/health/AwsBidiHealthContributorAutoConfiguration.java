package io.github.awsbidi.autoconfigure.health;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.autoconfigure.AwsBidiHttpClients;
import io.github.awsbidi.autoconfigure.AwsBidiProperties;
import io.github.awsbidi.autoconfigure.SessionConnections;
import io.github.awsbidi.autoconfigure.SessionFactory;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.health.BedrockModelHealthIndicator;
import io.github.awsbidi.health.CachingHealthIndicator;
import io.github.awsbidi.health.ControlPlaneClients;
import io.github.awsbidi.health.SageMakerEndpointHealthIndicator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * The {@code awsBidi} health contributor: one indicator per session, answered through the control plane
 * (SageMaker {@code DescribeEndpoint}, Bedrock {@code GetFoundationModel}) with a cache and a timeout, never by
 * opening a stream. A service's sessions are checked when its control-plane client
 * ({@code software.amazon.awssdk:sagemaker} or {@code :bedrock}) is on the classpath. Turn it off with
 * {@code aws.bidi.health.enabled=false} or {@code management.health.awsBidi.enabled=false}.
 */
@AutoConfiguration(after = AwsBidiAutoConfiguration.class)
@ConditionalOnClass({ReactiveHealthIndicator.class, BidirectionalSession.class})
@ConditionalOnBean(SessionFactory.class)
@ConditionalOnBooleanProperty(name = "aws.bidi.health.enabled", matchIfMissing = true)
public final class AwsBidiHealthContributorAutoConfiguration {

    private static final String SAGEMAKER_CLIENT = "software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient";
    private static final String BEDROCK_CLIENT = "software.amazon.awssdk.services.bedrock.BedrockAsyncClient";

    /** Nested so that its health condition is only read once the health classes are known to be present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("awsBidi")
    static final class HealthContributorConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        ControlPlaneClients awsBidiControlPlaneClients(AwsBidiHttpClients httpClients) {
            return new ControlPlaneClients(httpClients.controlPlane());
        }

        @Bean
        @ConditionalOnMissingBean(name = "awsBidiHealthContributor")
        ReactiveHealthContributor awsBidiHealthContributor(
                Map<String, BidirectionalSession> sessions,
                SessionConnections connections,
                ControlPlaneClients clients,
                AwsBidiProperties properties,
                ResourceLoader resourceLoader) {
            AwsBidiProperties.Health health = properties.getHealth();
            ClassLoader classLoader = resourceLoader.getClassLoader();
            boolean sageMaker = ClassUtils.isPresent(SAGEMAKER_CLIENT, classLoader);
            boolean bedrock = ClassUtils.isPresent(BEDROCK_CLIENT, classLoader);
            Map<String, ReactiveHealthIndicator> indicators = new LinkedHashMap<>();
            sessions.forEach((name, session) -> {
                ReactiveHealthIndicator indicator = indicator(session, connections, clients, sageMaker, bedrock);
                if (indicator != null) {
                    indicators.put(
                            name, new CachingHealthIndicator(indicator, health.getCacheTtl(), health.getTimeout()));
                }
            });
            return CompositeReactiveHealthContributor.fromMap(indicators);
        }

        private static @Nullable ReactiveHealthIndicator indicator(
                BidirectionalSession session,
                SessionConnections connections,
                ControlPlaneClients clients,
                boolean sageMakerPresent,
                boolean bedrockPresent) {
            ConnectionSettings connection = connections.find(session.name()).orElse(null);
            if (connection == null) {
                return null; // a session the user defined without our factory: nothing tells us where it connects
            }
            Target target = session.target();
            if (target.service() == Target.Service.SAGEMAKER && sageMakerPresent) {
                return new SageMakerEndpointHealthIndicator(clients.sageMaker(connection), target);
            }
            if (target.service() == Target.Service.BEDROCK && bedrockPresent) {
                return new BedrockModelHealthIndicator(clients.bedrock(connection), target);
            }
            return null;
        }
    }
}
