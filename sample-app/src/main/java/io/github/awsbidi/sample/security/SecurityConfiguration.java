package io.github.awsbidi.sample.security;

import io.github.awsbidi.autoconfigure.AwsBidiConfigurationException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Authentication when exposed. The sample listens on the loopback address by default ({@code server.address}); there
 * the local user needs no credentials ({@link LocalAccessFilter}). Served on another address, or reached through a
 * proxy or tunnel ({@link Exposure}), every page, socket, HTTP endpoint and actuator endpoint but the open ones asks
 * for HTTP Basic credentials of the user in {@code spring.security.user.name} / {@code spring.security.user.password},
 * or for a JWT ({@code Authorization: Bearer}) when Boot configures a JWT decoder from {@code
 * spring.security.oauth2.resourceserver.jwt.*}; listening on another address with neither fails at startup with a
 * failure analysis. (Ahead of time, Boot decides on the JWT decoder at build time: set those properties for the build
 * too.) Open to anyone, as
 * they judge their callers themselves: the OpenAI Realtime façade ({@code /v1/realtime}, its keys and client secrets),
 * the phone webhooks ({@code /twilio/*}, Twilio's signatures) and the health probes and info ({@code
 * /actuator/health/**}, {@code /actuator/info}; health details only to logged-in users,
 * {@code management.endpoint.health.show-details=when-authorized}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    static final String PASSWORD = "spring.security.user.password";

    private static final Pattern ENCODED = Pattern.compile("^\\{.+}.*$");

    /** Whether other machines can reach the sample; fails startup when they can and no credentials are set. */
    @Bean
    Exposure sampleExposure(Environment environment, ObjectProvider<ReactiveJwtDecoder> jwtDecoder) {
        Exposure exposure = Exposure.of(
                environment.getProperty("server.address"), environment.getProperty("server.forward-headers-strategy"));
        String password = environment.getProperty(PASSWORD);
        boolean credentials = (password != null && !password.isBlank()) || jwtDecoder.getIfAvailable() != null;
        if (exposure.exposed() && !credentials) {
            String where = exposure.loopbackOnly()
                    ? exposure.serverAddress() + " behind a proxy (server.forward-headers-strategy)"
                    : exposure.serverAddress() == null
                            ? "every address (server.address is not set)"
                            : exposure.serverAddress() + " (server.address)";
            throw new AwsBidiConfigurationException(
                    "server.address",
                    "The sample listens on " + where + ", which other machines can reach, and no credentials are "
                            + "configured: anyone reaching it could start paid model streams.",
                    "Set spring.security.user.name and " + PASSWORD + " (every page, socket and metric then asks "
                            + "for them with HTTP Basic), or a JWT issuer (spring.security.oauth2.resourceserver.jwt."
                            + "issuer-uri, jwk-set-uri or public-key-location), or listen on the loopback address "
                            + "only: server.address=127.0.0.1.",
                    null);
        }
        return exposure;
    }

    /** The user of {@code spring.security.user.*} when a password is set; else nobody (local use only). */
    @Bean
    ReactiveUserDetailsService sampleUsers(Environment environment) {
        String password = environment.getProperty(PASSWORD);
        if (password == null || password.isBlank()) {
            return username -> Mono.empty();
        }
        String name = environment.getProperty("spring.security.user.name", "user");
        List<String> roles = Binder.get(environment)
                .bind("spring.security.user.roles", Bindable.listOf(String.class))
                .orElse(List.of());
        // Spring Security's password storage format: {bcrypt}…, {noop}… for a plain one.
        String stored = ENCODED.matcher(password).matches() ? password : "{noop}" + password;
        return new MapReactiveUserDetailsService(User.withUsername(name)
                .password(stored)
                .roles(roles.toArray(String[]::new))
                .build());
    }

    /**
     * Paths open to anyone: the façade ({@code aws.bidi.realtime.path}, its keys and client secrets), the phone
     * webhooks (Twilio's signatures), the health probes and info ({@code management.endpoints.web.base-path}).
     */
    static String[] openPaths(Environment environment) {
        String realtime = environment.getProperty("aws.bidi.realtime.path", "/v1/realtime");
        String actuator = environment.getProperty("management.endpoints.web.base-path", "/actuator");
        return new String[] {
            realtime,
            realtime + "/**",
            "/twilio/voice",
            "/twilio/media",
            actuator + "/health",
            actuator + "/health/**",
            actuator + "/info"
        };
    }

    @Bean
    SecurityWebFilterChain sampleSecurity(
            ServerHttpSecurity http,
            Exposure exposure,
            Environment environment,
            ObjectProvider<ReactiveJwtDecoder> jwtDecoder) {
        ReactiveJwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            // The façade's own keys come as Bearer tokens too: they are not JWTs for this filter to judge.
            String realtime = environment.getProperty("aws.bidi.realtime.path", "/v1/realtime");
            ServerWebExchangeMatcher facade = ServerWebExchangeMatchers.pathMatchers(realtime, realtime + "/**");
            ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
            ServerAuthenticationConverter notOnTheFacade = exchange -> facade.matches(exchange)
                    .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
            http.oauth2ResourceServer(
                    resource -> resource.bearerTokenConverter(notOnTheFacade).jwt(jwt -> jwt.jwtDecoder(decoder)));
        }
        return http
                // Stateless: credentials on every request, no session and no saved request to replay.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(Customizer.withDefaults())
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // No cookie session to ride on: the sockets check their Origin (BrowserSocketGuard), the JSON
                // endpoints need a CORS preflight a foreign page does not get, and Twilio and the façade sign or key
                // each request.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .addFilterAt(new LocalAccessFilter(exposure), SecurityWebFiltersOrder.ANONYMOUS_AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(openPaths(environment))
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .build();
    }
}
