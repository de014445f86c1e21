package io.github.awsbidi.novasonic;

import io.github.awsbidi.novasonic.event.GenerationStage;
import io.github.awsbidi.novasonic.event.Role;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Everything a conversation reported, for assertions. */
final class Recorder {

    final List<ConversationEvent> events = new CopyOnWriteArrayList<>();
    volatile boolean completed;

    static Recorder of(Conversation conversation) {
        Recorder recorder = new Recorder();
        conversation
                .events()
                .subscribe(recorder.events::add, error -> recorder.completed = true, () -> recorder.completed = true);
        return recorder;
    }

    /** The events from {@code index} on, as they are now. */
    List<ConversationEvent> from(int index) {
        List<ConversationEvent> now = List.copyOf(events);
        return now.subList(Math.min(index, now.size()), now.size());
    }

    /** The events before the first that matches {@code condition} (all of them if none does). */
    List<ConversationEvent> before(Predicate<ConversationEvent> condition) {
        List<ConversationEvent> now = List.copyOf(events);
        int end = 0;
        while (end < now.size() && !condition.test(now.get(end))) {
            end++;
        }
        return now.subList(0, end);
    }

    long count(Class<? extends ConversationEvent> type) {
        return events.stream().filter(type::isInstance).count();
    }

    /**
     * Whether {@code n} assistant turns are complete: ended ({@link ConversationEvent.TurnEnd}, at the AUDIO
     * contentEnd END_TURN) and their FINAL text arrived (it follows the turn end).
     */
    boolean turnsDone(int n) {
        return count(ConversationEvent.TurnEnd.class) >= n
                && transcripts(Role.ASSISTANT, GenerationStage.FINAL).size() >= n;
    }

    /** Whether an assistant turn completed after the event at {@code index}. */
    boolean turnDoneAfter(int index) {
        List<ConversationEvent> later = from(index);
        return later.stream().anyMatch(ConversationEvent.TurnEnd.class::isInstance)
                && later.stream()
                        .anyMatch(transcript -> transcript instanceof ConversationEvent.Transcript t
                                && t.role() == Role.ASSISTANT
                                && t.stage() == GenerationStage.FINAL);
    }

    boolean has(Predicate<ConversationEvent> condition) {
        return events.stream().anyMatch(condition);
    }

    int indexOf(Predicate<ConversationEvent> condition) {
        for (int i = 0; i < events.size(); i++) {
            if (condition.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    List<ConversationEvent.Transcript> transcripts(Role role, GenerationStage stage) {
        return events.stream()
                .filter(ConversationEvent.Transcript.class::isInstance)
                .map(ConversationEvent.Transcript.class::cast)
                .filter(t -> t.role() == role && t.stage() == stage)
                .toList();
    }

    List<String> finalTexts(Role role) {
        return transcripts(role, GenerationStage.FINAL).stream()
                .map(ConversationEvent.Transcript::text)
                .toList();
    }

    static Predicate<ConversationEvent> transcript(Role role, GenerationStage stage, String text) {
        return event -> event.equals(new ConversationEvent.Transcript(role, text, stage));
    }

    static Predicate<ConversationEvent> is(Class<? extends ConversationEvent> type) {
        return type::isInstance;
    }
}
