package io.github.awsbidi.sample;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/** Maps {@code /ws/{session}} to the {@link SessionBridge}. */
@Configuration(proxyBeanMethods = false)
public class WebSocketConfiguration {

    @Bean
    HandlerMapping sessionBridgeMapping(SessionBridge bridge) {
        return new SimpleUrlHandlerMapping(Map.of("/ws/*", bridge), Ordered.HIGHEST_PRECEDENCE);
    }
}
