package io.github.awsbidi.docs.examples.springboot;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Frame;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

// Spring Boot, "Configure sessions, inject them".
// spotless:off
@Service
class Transcription {
    private final BidirectionalSession transcriber;

    Transcription(@Qualifier("transcriber") BidirectionalSession transcriber) {
        this.transcriber = transcriber;
    }

    Flux<String> transcribe(Flux<byte[]> pcm) {
        return transcriber.exchange(pcm.map(Frame::binary)).map(Frame::asString);
    }
}
// spotless:on
