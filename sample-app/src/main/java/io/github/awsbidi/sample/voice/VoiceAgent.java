package io.github.awsbidi.sample.voice;

import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.novasonic.audio.AudioChunker;
import io.github.awsbidi.novasonic.audio.PcmResampler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Talks to the {@code assistant} session's Nova Sonic: microphone audio in, speech and transcripts out. */
@Service
public class VoiceAgent {

    private final NovaSonic assistant;

    VoiceAgent(@Qualifier("assistantNovaSonic") NovaSonic assistant) {
        this.assistant = assistant;
    }

    /** Browser microphone audio (16-bit PCM at 48 kHz) in; the assistant's events out, until the audio ends. */
    public Flux<ConversationEvent> talk(Flux<byte[]> microphone) {
        PcmResampler to16k = new PcmResampler(48_000, 16_000);
        AudioChunker chunks = AudioChunker.forRate(16_000); // ~32 ms per audioInput event
        return assistant
                .start()
                .flatMapMany(conversation -> conversation
                        .events()
                        .mergeWith(microphone
                                .concatMapIterable(pcm -> chunks.push(to16k.process(pcm)))
                                .concatMap(conversation::sendAudio)
                                .then(conversation.close())
                                .then(Mono.<ConversationEvent>empty())));
    }

    /** One typed user turn (Nova 2 answers interactive text); the assistant's events out. */
    public Flux<ConversationEvent> ask(String question) {
        return assistant
                .start()
                .flatMapMany(conversation -> conversation
                        .events()
                        .mergeWith(conversation.sendText(question).then(Mono.<ConversationEvent>empty())));
    }
}
