package io.github.awsbidi.docs.examples.polly;

import io.github.awsbidi.polly.PollySession;
import io.github.awsbidi.polly.PollySpeech;
import java.nio.ByteBuffer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Polly speech synthesis streams: an LLM's tokens in, speech out. The page's block put the field and the statement
 * side by side, which no Java source can hold; here the statement is in a method, and the page's block is to be this
 * region.
 */
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
