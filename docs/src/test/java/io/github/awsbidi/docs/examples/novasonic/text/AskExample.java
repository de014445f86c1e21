package io.github.awsbidi.docs.examples.novasonic.text;

import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.event.GenerationStage;
import io.github.awsbidi.novasonic.event.Role;

/** Nova Sonic voice agents: asking the agent, printing the assistant's final answer. */
final class AskExample {

    private AskExample() {}

    static void ask(VoiceAgent agent) {
        // spotless:off
        agent.ask("What is the weather in Seattle?")
                .takeUntil(event -> event instanceof ConversationEvent.TurnEnd)
                .filter(event -> event instanceof ConversationEvent.Transcript t
                        && t.role() == Role.ASSISTANT && t.stage() == GenerationStage.FINAL)
                .subscribe(answer -> System.out.println(((ConversationEvent.Transcript) answer).text()));
        // spotless:on
    }
}
