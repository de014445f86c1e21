package io.github.awsbidi.autoconfigure.metrics;

import io.github.awsbidi.core.micrometer.ExchangeObservationConvention;
import io.github.awsbidi.core.micrometer.ObservationExchangeListener;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * One {@code aws.bidi.exchange} observation per exchange when an {@link ObservationRegistry} exists: with Boot's
 * meter handler it yields the {@code aws.bidi.exchange} timer and {@code aws.bidi.exchange.active} long task timer,
 * with tracing one span per exchange. Replace the naming and tags with an {@link ExchangeObservationConvention} bean;
 * turn it off with {@code aws.bidi.observations.enabled=false}.
 */
@AutoConfiguration(
        beforeName = "io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration",
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ObservationRegistry.class, ObservationExchangeListener.class})
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "aws.bidi.observations.enabled", matchIfMissing = true)
public final class AwsBidiObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObservationExchangeListener awsBidiObservationExchangeListener(
            ObservationRegistry registry, ObjectProvider<ExchangeObservationConvention> convention) {
        return new ObservationExchangeListener(registry, convention.getIfUnique());
    }
}
