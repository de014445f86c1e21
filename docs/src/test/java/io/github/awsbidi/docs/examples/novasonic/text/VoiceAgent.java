package io.github.awsbidi.docs.examples.novasonic.text;

import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.NovaSonic;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Nova Sonic voice agents: the page's {@code VoiceAgent} with a typed turn instead of audio. */
@Service
class VoiceAgent {
    private final NovaSonic assistant;

    VoiceAgent(@Qualifier("assistantNovaSonic") NovaSonic assistant) {
        this.assistant = assistant;
    }

    // spotless:off
    /** One typed user turn; the assistant's events out. */
    Flux<ConversationEvent> ask(String question) {
        return assistant.start().flatMapMany(conversation -> conversation.events()
                .mergeWith(conversation.sendText(question).then(Mono.<ConversationEvent>empty())));
    }
    // spotless:on
}
