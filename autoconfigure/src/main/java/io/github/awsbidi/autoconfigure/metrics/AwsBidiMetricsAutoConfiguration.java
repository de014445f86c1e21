package io.github.awsbidi.autoconfigure.metrics;

import io.github.awsbidi.core.micrometer.MeterExchangeListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Records {@code aws.bidi.frames}, {@code aws.bidi.frame.size}, {@code aws.bidi.exchange.first.response},
 * {@code aws.bidi.response.latency} and {@code aws.bidi.exchange.errors} for every session, when a
 * {@link MeterRegistry} exists. Turn it off with {@code aws.bidi.metrics.enabled=false}.
 */
@AutoConfiguration(
        beforeName = "io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration",
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnClass({MeterRegistry.class, MeterExchangeListener.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "aws.bidi.metrics.enabled", matchIfMissing = true)
public final class AwsBidiMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MeterExchangeListener awsBidiMeterExchangeListener(MeterRegistry registry) {
        return new MeterExchangeListener(registry);
    }
}
