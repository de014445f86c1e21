package io.github.awsbidi.autoconfigure.realtime;

import io.github.awsbidi.autoconfigure.AwsBidiConfigurationException;
import io.github.awsbidi.autoconfigure.NovaSonicAutoConfiguration;
import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.realtime.ClientSecrets;
import io.github.awsbidi.realtime.RealtimeSession;
import io.github.awsbidi.realtime.webflux.Admission;
import io.github.awsbidi.realtime.webflux.RealtimeAuthenticator;
import io.github.awsbidi.realtime.webflux.RealtimeEndpoint;
import io.github.awsbidi.realtime.webflux.RealtimeEndpointSettings;
import io.github.awsbidi.realtime.webflux.RealtimeModels;
import io.github.awsbidi.realtime.webflux.SocketLimits;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import reactor.netty.http.server.HttpServer;

/**
 * The OpenAI Realtime façade: with the aws-bidi-realtime module on the classpath, a reactive web application and
 * {@code aws.bidi.realtime.enabled=true}, a WebSocket endpoint at {@code aws.bidi.realtime.path} (default
 * {@code /v1/realtime}) whose {@code ?model=<name>} selects the {@code <name>NovaSonic} bean beside a Bedrock Nova Sonic
 * session. Keys come from {@code aws.bidi.realtime.api-keys} unless the application has its own
 * {@link RealtimeAuthenticator}; every bean backs off to the application's own.
 */
@AutoConfiguration(
        after = NovaSonicAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnClass({RealtimeSession.class, NovaSonic.class, WebSocketHandler.class, HttpServer.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty("aws.bidi.realtime.enabled")
@EnableConfigurationProperties(RealtimeProperties.class)
public final class RealtimeAutoConfiguration {

    private static final String PREFIX = "aws.bidi.realtime.";

    /** The suffix of the NovaSonic bean beside a Bedrock session (see NovaSonicAutoConfiguration). */
    private static final String NOVA_SONIC_SUFFIX = "NovaSonic";

    @Bean
    @ConditionalOnMissingBean
    RealtimeModels awsBidiRealtimeModels(ListableBeanFactory beans) {
        return model -> {
            Map<String, NovaSonic> clients = beans.getBeansOfType(NovaSonic.class);
            NovaSonic client = clients.get(model + NOVA_SONIC_SUFFIX);
            return client != null ? client : clients.get(model);
        };
    }

    @Bean
    @ConditionalOnMissingBean
    RealtimeAuthenticator awsBidiRealtimeAuthenticator(RealtimeProperties properties) {
        if (properties.getApiKeys().isEmpty()
                || properties.getApiKeys().stream().anyMatch(String::isBlank)) {
            throw new AwsBidiConfigurationException(
                    PREFIX + "api-keys",
                    "aws.bidi.realtime.api-keys is empty or holds a blank key, so no client could connect to the"
                            + " realtime endpoint",
                    "Set aws.bidi.realtime.api-keys to the keys clients present (Authorization: Bearer <key>), or"
                            + " define a RealtimeAuthenticator bean.",
                    null);
        }
        return RealtimeAuthenticator.keys(properties.getApiKeys());
    }

    @Bean
    @ConditionalOnMissingBean
    RealtimeEndpoint awsBidiRealtimeEndpoint(
            RealtimeProperties properties,
            RealtimeModels models,
            RealtimeAuthenticator authenticator,
            ObjectProvider<RealtimeTelemetry> telemetryProvider) {
        RealtimeEndpointSettings settings = settings(properties);
        String defaultModel = properties.getDefaultModel();
        if (defaultModel != null && models.find(defaultModel) == null) {
            throw new AwsBidiConfigurationException(
                    PREFIX + "default-model",
                    "aws.bidi.realtime.default-model '" + defaultModel + "' names no Nova Sonic session",
                    "Set it to the name of a Bedrock session whose model is Nova Sonic"
                            + " (aws.bidi.bedrock.sessions.<name>.model-id), or remove it to make ?model= required.",
                    null);
        }
        RealtimeTelemetry telemetry = telemetryProvider.getIfAvailable(() -> RealtimeTelemetry.NONE);
        Admission admission =
                new Admission("realtime", settings.maxSessionsPerKey(), settings.allowedOrigins(), telemetry::refused);
        return new RealtimeEndpoint(
                models,
                authenticator,
                settings,
                admission,
                telemetry::session,
                clientSecrets(properties.getClientSecrets()),
                properties.getClientSecrets().getTtl());
    }

    @Bean
    HandlerMapping awsBidiRealtimeHandlerMapping(RealtimeProperties properties, RealtimeEndpoint endpoint) {
        String path = properties.getPath();
        if (path == null || !path.startsWith("/") || path.contains("?")) {
            throw new AwsBidiConfigurationException(
                    PREFIX + "path",
                    "aws.bidi.realtime.path '" + path + "' is not a path",
                    "Set it to a path starting with '/', such as /v1/realtime.",
                    null);
        }
        return new SimpleUrlHandlerMapping(
                Map.of(path, endpoint, path + RealtimeEndpoint.CLIENT_SECRETS, endpoint), Ordered.HIGHEST_PRECEDENCE);
    }

    private static ClientSecrets clientSecrets(RealtimeProperties.ClientSecrets properties) {
        Duration ttl = properties.getTtl();
        require(
                !ttl.isNegative()
                        && ttl.compareTo(Duration.ofSeconds(10)) >= 0
                        && ttl.compareTo(Duration.ofHours(2)) <= 0,
                "client-secrets.ttl",
                ttl,
                "must be between 10s and 2h");
        String key = properties.getSigningKey();
        if (key == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new ClientSecrets(random, Clock.systemUTC());
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        require(
                bytes.length >= ClientSecrets.MIN_KEY_BYTES,
                "client-secrets.signing-key",
                "(" + bytes.length + " bytes)",
                "must be at least " + ClientSecrets.MIN_KEY_BYTES + " bytes");
        return new ClientSecrets(bytes, Clock.systemUTC());
    }

    private static RealtimeEndpointSettings settings(RealtimeProperties properties) {
        require(
                properties.getMaxSessionsPerKey() >= 1,
                "max-sessions-per-key",
                properties.getMaxSessionsPerKey(),
                "must be at least 1");
        long bytes = properties.getMaxMessageSize().toBytes();
        require(
                bytes >= 1024 && bytes <= 64L * 1024 * 1024,
                "max-message-size",
                properties.getMaxMessageSize(),
                "must be between 1KB and 64MB");
        require(
                !properties.getIdleTimeout().isNegative()
                        && !properties.getIdleTimeout().isZero(),
                "idle-timeout",
                properties.getIdleTimeout(),
                "must be positive");
        require(
                !properties.getMaxCallDuration().isNegative()
                        && !properties.getMaxCallDuration().isZero(),
                "max-call-duration",
                properties.getMaxCallDuration(),
                "must be positive");
        return new RealtimeEndpointSettings(
                properties.getDefaultModel(),
                properties.getMaxSessionsPerKey(),
                new SocketLimits.Limits(
                        (int) bytes,
                        properties.getIdleTimeout(),
                        properties.getMaxCallDuration(),
                        PREFIX.substring(0, PREFIX.length() - 1)),
                properties.getAllowedOrigins());
    }

    private static void require(boolean condition, String property, Object value, String limit) {
        if (!condition) {
            throw new AwsBidiConfigurationException(
                    PREFIX + property,
                    PREFIX + property + " is " + value + ": it " + limit,
                    "Change " + PREFIX + property + " so that it " + limit + ".",
                    null);
        }
    }

    /** The façade's meters, when Micrometer is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnBooleanProperty(name = "aws.bidi.metrics.enabled", matchIfMissing = true)
    static class Meters {

        @Bean
        @ConditionalOnMissingBean
        RealtimeTelemetry awsBidiRealtimeMeters(MeterRegistry registry) {
            return new RealtimeMeters(registry);
        }
    }
}
