package io.github.awsbidi.docs.examples.novasonic;

import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.novasonic.NovaSonicTool;
import io.github.awsbidi.novasonic.ToolHandler;
import io.github.awsbidi.novasonic.audio.AudioChunker;
import io.github.awsbidi.novasonic.audio.PcmResampler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

// Nova Sonic voice agents: a voice agent with a tool.
// spotless:off
@Configuration
class Tools {
    @Bean
    NovaSonicTool weather(WeatherService service) {
        return new NovaSonicTool("getWeather", "Current weather for a city",
                """
                {"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}""",
                ToolHandler.blocking(call -> service.current((String) call.arguments().get("location"))));
    }
}

@Service
class VoiceAgent {
    private final NovaSonic assistant;

    VoiceAgent(@Qualifier("assistantNovaSonic") NovaSonic assistant) {
        this.assistant = assistant;
    }

    /** Browser microphone audio (16-bit PCM at 48 kHz) in; the assistant's speech and transcripts out. */
    Flux<ConversationEvent> talk(Flux<byte[]> microphone) {
        PcmResampler to16k = new PcmResampler(48_000, 16_000);
        AudioChunker chunks = AudioChunker.forRate(16_000);                  // ~32 ms per audioInput event
        return assistant.start().flatMapMany(conversation -> conversation.events()
                .mergeWith(microphone.concatMapIterable(pcm -> chunks.push(to16k.process(pcm)))
                        .concatMap(conversation::sendAudio)
                        .then(conversation.close())
                        .then(Mono.<ConversationEvent>empty())));
    }
}
// spotless:on
