package io.github.awsbidi.docs.examples.polly;

import io.github.awsbidi.polly.PollySession;
import io.github.awsbidi.polly.PollySpeech;
import java.nio.ByteBuffer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Polly speech synthesis streams (docs/polly.md): an LLM's tokens in, speech out. */
@Component
class Speaker {

    // spotless:off
    @Autowired PollySession speaker;

    void speak(Flux<String> tokens, AudioPlayer player) {
        PollySpeech.open(speaker).flatMapMany(speech -> {
            tokens.concatMap(speech::say).then(Mono.defer(speech::close)).subscribe();
            return speech.audio();            // ByteBuffers of 16 kHz PCM, in order
        }).subscribe(player::play);
    }
    // spotless:on

    /** The application's own audio output. */
    interface AudioPlayer {
        void play(ByteBuffer pcm);
    }
}
