package io.github.awsbidi.autoconfigure.polly;

import io.github.awsbidi.autoconfigure.AwsBidiProperties;
import io.github.awsbidi.autoconfigure.SessionConnections;
import io.github.awsbidi.autoconfigure.SessionFactory;
import io.github.awsbidi.core.client.BidiClientFactory;
import io.github.awsbidi.health.CachingHealthIndicator;
import io.github.awsbidi.health.PollyVoiceHealthIndicator;
import io.github.awsbidi.polly.PollySession;
import io.github.awsbidi.polly.micrometer.PollyCharactersListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/** What {@link io.github.awsbidi.autoconfigure.PollyAutoConfiguration} imports once Polly's types are present. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(SessionFactory.class)
@Import(PollyBeanRegistrar.class)
public class PollySessionConfiguration {

    @Bean(PollySessionFactory.BEAN_NAME)
    PollySessionFactory awsBidiPollySessionFactory(
            BidiClientFactory clients,
            SessionConnections connections,
            SessionFactory sessions,
            Environment environment,
            ObjectProvider<PollyClientCustomizer> customizers) {
        return new PollySessionFactory(
                clients,
                connections,
                sessions.options(),
                PollyBeanRegistrar.bind(environment),
                customizers.orderedStream().toList());
    }

    /** The billed-characters counter, when Micrometer is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnBooleanProperty(name = "aws.bidi.metrics.enabled", matchIfMissing = true)
    static class Meters {

        @Bean
        PollyCharactersListener awsBidiPollyCharacters(MeterRegistry registry) {
            return new PollyCharactersListener(registry);
        }
    }

    /** {@code awsBidiPolly}: one indicator per Polly session, from {@code DescribeVoices}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveHealthIndicator.class)
    @ConditionalOnBooleanProperty(name = "aws.bidi.health.enabled", matchIfMissing = true)
    @ConditionalOnEnabledHealthIndicator("awsBidiPolly")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "awsBidiPollyHealthContributor")
        ReactiveHealthContributor awsBidiPollyHealthContributor(
                Map<String, PollySession> sessions, PollySessionFactory factory, AwsBidiProperties properties) {
            Map<String, ReactiveHealthIndicator> indicators = new LinkedHashMap<>();
            AwsBidiProperties.Health health = properties.getHealth();
            sessions.forEach((name, session) -> {
                if (factory.configured(session.name())) {
                    indicators.put(
                            name,
                            new CachingHealthIndicator(
                                    new PollyVoiceHealthIndicator(factory.client(session.name()), session.target()),
                                    health.getCacheTtl(),
                                    health.getTimeout()));
                }
            });
            return CompositeReactiveHealthContributor.fromMap(indicators);
        }
    }
}
