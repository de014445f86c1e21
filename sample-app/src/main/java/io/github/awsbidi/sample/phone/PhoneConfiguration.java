package io.github.awsbidi.sample.phone;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Binds {@code sample.twilio.*}. With {@code sample.twilio.auth-token} set, maps {@code /twilio/media} to the
 * {@link TwilioMediaHandler} behind a check of the upgrade request's Twilio signature; without it the phone endpoints
 * are off and startup says why.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioProperties.class)
class PhoneConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PhoneConfiguration.class);

    @Bean
    @Conditional(TwilioTokenCondition.class)
    HandlerMapping twilioMediaMapping(TwilioMediaHandler handler) {
        return new SimpleUrlHandlerMapping(
                Map.of(TwilioVoiceController.MEDIA_PATH, handler), Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    @Conditional(TwilioTokenCondition.class)
    WebFilter twilioMediaSignatureFilter(TwilioProperties properties) {
        return new MediaSignatureFilter(properties);
    }

    @Bean
    @Conditional(TwilioTokenCondition.Missing.class)
    PhoneOff phoneOff() {
        return new PhoneOff();
    }

    /** Says at startup why {@code /twilio/voice} and {@code /twilio/media} are not there. */
    static final class PhoneOff {

        @EventListener(ApplicationReadyEvent.class)
        void ready() {
            log.info(
                    "The phone endpoints /twilio/voice and /twilio/media are off: set {} to the Twilio account's auth "
                            + "token to verify Twilio's request signatures and turn them on",
                    TwilioTokenCondition.PROPERTY);
        }
    }

    /**
     * Refuses a {@code /twilio/media} request with 403 unless its {@code X-Twilio-Signature} signs the stream URL the
     * TwiML gave Twilio, {@code wss://<public host>/twilio/media} (with its query string, if any).
     */
    static final class MediaSignatureFilter implements WebFilter, Ordered {

        private final TwilioProperties properties;
        private final TwilioSignature signature;

        MediaSignatureFilter(TwilioProperties properties) {
            this.properties = properties;
            this.signature = new TwilioSignature(Objects.requireNonNull(properties.authToken()));
        }

        /** Before the sockets' per-client limit, which would otherwise hold a place for a stream refused here. */
        @Override
        public int getOrder() {
            return 0;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            if (!TwilioVoiceController.MEDIA_PATH.equals(
                    exchange.getRequest().getPath().pathWithinApplication().value())) {
                return chain.filter(exchange);
            }
            String url;
            try {
                String host = TwilioVoiceController.publicHost(
                        properties, exchange.getRequest().getHeaders());
                String query = exchange.getRequest().getURI().getRawQuery();
                url = "wss://" + host + TwilioVoiceController.MEDIA_PATH + (query == null ? "" : "?" + query);
            } catch (ResponseStatusException e) {
                url = "(no valid host)";
            }
            Map<String, List<String>> none = Map.of();
            if (!url.startsWith("wss://")
                    || !signature.verify(
                            url, none, exchange.getRequest().getHeaders().getFirst(TwilioSignature.HEADER))) {
                log.warn(
                        "Refused {} {}: its {} does not sign {} with sample.twilio.auth-token",
                        exchange.getRequest().getMethod(),
                        TwilioVoiceController.MEDIA_PATH,
                        TwilioSignature.HEADER,
                        url);
                exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
                return exchange.getResponse().setComplete();
            }
            return chain.filter(exchange);
        }
    }
}
