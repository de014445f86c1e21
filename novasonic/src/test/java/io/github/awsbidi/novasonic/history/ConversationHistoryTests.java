package io.github.awsbidi.novasonic.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.novasonic.event.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationHistoryTests {

    @Test
    void recordsTurnsInOrderAndIgnoresBlankText() {
        ConversationHistory history = new ConversationHistory(List.of(Turn.user("earlier")));

        history.add(Role.ASSISTANT, "reply");
        history.add(Role.USER, " ");

        assertThat(history.turns()).containsExactly(Turn.user("earlier"), Turn.assistant("reply"));
    }

    @Test
    void forgetsTheOldestTurnsBeyondItsBoundButKeepsTheNewest() {
        ConversationHistory history = new ConversationHistory(List.of(), 10);

        history.add(Role.USER, "12345");
        history.add(Role.ASSISTANT, "6789");
        history.add(Role.USER, "abc");
        assertThat(history.turns()).containsExactly(Turn.assistant("6789"), Turn.user("abc"));

        history.add(Role.ASSISTANT, "a very long answer");
        assertThat(history.turns()).containsExactly(Turn.assistant("a very long answer"));
    }
}
