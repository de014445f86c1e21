package io.github.awsbidi.sample.phone;

import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/** Maps {@code /twilio/media} to the {@link TwilioMediaHandler} and binds {@code sample.twilio.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioProperties.class)
class PhoneConfiguration {

    @Bean
    HandlerMapping twilioMediaMapping(TwilioMediaHandler handler) {
        return new SimpleUrlHandlerMapping(
                Map.of(TwilioVoiceController.MEDIA_PATH, handler), Ordered.HIGHEST_PRECEDENCE);
    }
}
