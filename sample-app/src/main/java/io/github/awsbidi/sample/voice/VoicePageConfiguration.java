package io.github.awsbidi.sample.voice;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/**
 * Maps the voice page's panel WebSockets: {@code /transcriber/ws} to {@link TranscriberSocket}, {@code /speaker/ws} to
 * {@link SpeakerSocket}. The voice agent itself speaks the OpenAI Realtime protocol to the façade at
 * {@code /v1/realtime} (see {@link VoiceSecretController}).
 */
@Configuration(proxyBeanMethods = false)
class VoicePageConfiguration {

    @Bean
    HandlerMapping voicePageMapping(TranscriberSocket transcriber, SpeakerSocket speaker) {
        return new SimpleUrlHandlerMapping(
                Map.of("/transcriber/ws", transcriber, "/speaker/ws", speaker), Ordered.HIGHEST_PRECEDENCE);
    }
}
