package io.github.awsbidi.sample;

import io.github.awsbidi.realtime.webflux.SocketLimits;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.WebFilter;
import reactor.core.scheduler.Schedulers;

/**
 * Maps {@code /ws/{session}} to the {@link SessionBridge}, guards the sockets' handshakes by origin and per-client
 * limit ({@link BrowserSocketGuard}) and holds every socket to the duration, idle and size limits ({@link
 * SocketLimits}), all from {@code sample.web.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
public class WebSocketConfiguration {

    @Bean
    SocketSurfaces socketSurfaces(WebProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new SocketSurfaces(properties, meters.getIfAvailable());
    }

    @Bean
    WebFilter browserSocketGuard(WebProperties properties, SocketSurfaces surfaces) {
        return new BrowserSocketGuard(properties, surfaces);
    }

    /**
     * The façade's {@link SocketLimits}, with the sample's limits: the sockets mapped here end as the voice agent's
     * does on the façade, each ending counted under the socket's surface.
     */
    @Bean
    SocketLimits socketLimits(WebProperties properties, SocketSurfaces surfaces) {
        return new SocketLimits(
                new SocketLimits.Limits(
                        (int) properties.maxMessageSize().toBytes(),
                        properties.idleTimeout(),
                        properties.maxCallDuration(),
                        "sample.web"),
                exchange -> surfaces.forPath(
                        exchange.getRequest().getPath().pathWithinApplication().value()),
                Schedulers.parallel());
    }

    /** Every WebSocket handler mapped in the application upgrades through {@link SocketLimits}. */
    @Bean
    WebFluxConfigurer socketLimitsConfigurer(SocketLimits limits) {
        return new WebFluxConfigurer() {
            @Override
            public WebSocketService getWebSocketService() {
                return limits;
            }
        };
    }

    @Bean
    HandlerMapping sessionBridgeMapping(SessionBridge bridge) {
        return new SimpleUrlHandlerMapping(Map.of("/ws/*", bridge), Ordered.HIGHEST_PRECEDENCE);
    }
}
