package io.github.awsbidi.docs.examples.springboot;

import io.github.awsbidi.autoconfigure.NettyHttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.nio.netty.ProxyConfiguration;

/** Spring Boot, "Credentials, region, customizers, listeners": a proxy for every streaming client. */
@Configuration
class ProxyCustomizer {

    // spotless:off
    @Bean
    NettyHttpClientCustomizer proxy() {
        return builder -> builder.proxyConfiguration(ProxyConfiguration.builder().host("proxy").port(3128).build());
    }
    // spotless:on
}
