package io.github.awsbidi.sample;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.server.WebFilter;

/**
 * Maps {@code /ws/{session}} to the {@link SessionBridge} and guards the browser sockets' handshakes by origin
 * ({@link BrowserSocketGuard}, {@code sample.web.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
public class WebSocketConfiguration {

    @Bean
    WebFilter browserSocketGuard(WebProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new BrowserSocketGuard(properties, meters);
    }

    @Bean
    HandlerMapping sessionBridgeMapping(SessionBridge bridge) {
        return new SimpleUrlHandlerMapping(Map.of("/ws/*", bridge), Ordered.HIGHEST_PRECEDENCE);
    }
}
