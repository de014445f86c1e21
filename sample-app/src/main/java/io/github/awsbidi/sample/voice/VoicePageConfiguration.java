package io.github.awsbidi.sample.voice;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/**
 * Maps the voice page's WebSockets: {@code /voice/ws} to {@link VoiceSocket}, {@code /transcriber/ws} to
 * {@link TranscriberSocket}, {@code /speaker/ws} to {@link SpeakerSocket}.
 */
@Configuration(proxyBeanMethods = false)
class VoicePageConfiguration {

    @Bean
    HandlerMapping voicePageMapping(VoiceSocket voice, TranscriberSocket transcriber, SpeakerSocket speaker) {
        return new SimpleUrlHandlerMapping(
                Map.of("/voice/ws", voice, "/transcriber/ws", transcriber, "/speaker/ws", speaker),
                Ordered.HIGHEST_PRECEDENCE);
    }
}
