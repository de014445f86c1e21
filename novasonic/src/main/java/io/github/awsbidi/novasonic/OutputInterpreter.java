package io.github.awsbidi.novasonic;

import io.github.awsbidi.novasonic.event.ContentType;
import io.github.awsbidi.novasonic.event.GenerationStage;
import io.github.awsbidi.novasonic.event.OutputEvent;
import io.github.awsbidi.novasonic.event.Role;
import io.github.awsbidi.novasonic.event.StopReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the output events of one stream into conversation events. It remembers each content block's
 * role and generation stage (the content events themselves do not carry the stage), folds the up to
 * three barge-in signals (the {@code { "interrupted" : true }} text, a TEXT contentEnd INTERRUPTED, an
 * AUDIO contentEnd INTERRUPTED) into one {@link ConversationEvent.Interrupted}, reports one
 * {@link ConversationEvent.TurnEnd} per assistant turn (at the AUDIO contentEnd END_TURN, else at the FINAL
 * assistant text that ends it, or at {@code completionEnd}), surfaces {@code userSpeechStart}/{@code userSpeechEnd}, and says when the stream is at a turn boundary. Not thread-safe.
 */
final class OutputInterpreter {

    /** What one output event means for the conversation. */
    record Interpretation(List<ConversationEvent> events, boolean boundary) {

        static final Interpretation NOTHING = new Interpretation(List.of(), false);
    }

    private record Block(ContentType type, Role role, GenerationStage stage) {}

    private final Map<String, Block> blocks = new HashMap<>();
    private boolean interrupted;
    private boolean turnEnded;
    private boolean assistantBusy;

    /** Whether the assistant is answering (between the start of its answer and a turn boundary). */
    boolean assistantBusy() {
        return assistantBusy;
    }

    Interpretation accept(OutputEvent event) {
        if (event instanceof OutputEvent.CompletionStart) {
            interrupted = false;
            turnEnded = false;
            assistantBusy = true;
            return Interpretation.NOTHING;
        }
        if (event instanceof OutputEvent.ContentStart) {
            return contentStart((OutputEvent.ContentStart) event);
        }
        if (event instanceof OutputEvent.TextOutput) {
            return textOutput((OutputEvent.TextOutput) event);
        }
        if (event instanceof OutputEvent.AudioOutput) {
            OutputEvent.AudioOutput audio = (OutputEvent.AudioOutput) event;
            // Audio that trails an interruption is what the client must not play.
            return interrupted
                    ? Interpretation.NOTHING
                    : new Interpretation(List.of(new ConversationEvent.AudioOut(audio.pcm())), false);
        }
        if (event instanceof OutputEvent.ToolUse) {
            OutputEvent.ToolUse tool = (OutputEvent.ToolUse) event;
            assistantBusy = true;
            return new Interpretation(
                    List.of(new ConversationEvent.ToolCall(tool.toolName(), tool.toolUseId(), tool.arguments())),
                    false);
        }
        if (event instanceof OutputEvent.ContentEnd) {
            return contentEnd((OutputEvent.ContentEnd) event);
        }
        if (event instanceof OutputEvent.CompletionEnd) {
            List<ConversationEvent> events = new ArrayList<>(1);
            if (!turnEnded && !interrupted) {
                events.add(new ConversationEvent.TurnEnd());
            }
            turnEnded = true;
            assistantBusy = false;
            blocks.clear();
            return new Interpretation(events, true);
        }
        if (event instanceof OutputEvent.UserSpeechStart) {
            return new Interpretation(
                    List.of(new ConversationEvent.UserSpeechStarted(
                            ((OutputEvent.UserSpeechStart) event).inputAudioOffsetMs())),
                    false);
        }
        if (event instanceof OutputEvent.UserSpeechEnd) {
            return new Interpretation(
                    List.of(new ConversationEvent.UserSpeechEnded(
                            ((OutputEvent.UserSpeechEnd) event).inputAudioOffsetMs())),
                    false);
        }
        if (event instanceof OutputEvent.UsageEvent) {
            return new Interpretation(
                    List.of(new ConversationEvent.Usage(((OutputEvent.UsageEvent) event).delta())), false);
        }
        return Interpretation.NOTHING;
    }

    private Interpretation contentStart(OutputEvent.ContentStart start) {
        GenerationStage stage = start.generationStage() == null ? GenerationStage.FINAL : start.generationStage();
        if (start.contentId() != null) {
            blocks.put(start.contentId(), new Block(start.type(), start.role(), stage));
        }
        if (start.role() == Role.ASSISTANT) {
            assistantBusy = true;
            if (start.type() == ContentType.AUDIO) {
                // New speech: a later barge-in is a new one.
                interrupted = false;
                turnEnded = false;
            }
        }
        return Interpretation.NOTHING;
    }

    private Interpretation textOutput(OutputEvent.TextOutput text) {
        if (text.isInterruption()) {
            return interruption();
        }
        Block block = block(text.contentId());
        Role role = block != null ? block.role() : text.role() != null ? text.role() : Role.ASSISTANT;
        GenerationStage stage = block != null ? block.stage() : GenerationStage.FINAL;
        return new Interpretation(List.of(new ConversationEvent.Transcript(role, text.content(), stage)), false);
    }

    private Interpretation contentEnd(OutputEvent.ContentEnd end) {
        Block block = block(end.contentId());
        if (end.contentId() != null) {
            blocks.remove(end.contentId());
        }
        if (end.stopReason() == StopReason.INTERRUPTED) {
            return interruption();
        }
        boolean assistantText = block != null
                && block.role() == Role.ASSISTANT
                && block.type() == ContentType.TEXT
                && block.stage() == GenerationStage.FINAL;
        boolean assistantAudio = block != null && block.role() == Role.ASSISTANT && block.type() == ContentType.AUDIO;
        if (end.stopReason() == StopReason.END_TURN && assistantAudio && !turnEnded && !interrupted) {
            // The AUDIO contentEnd END_TURN ends the turn (completionEnd may only come after promptEnd). Not yet a
            // boundary: the FINAL text of what was said follows and belongs to this stream's history.
            turnEnded = true;
            return new Interpretation(List.of(new ConversationEvent.TurnEnd()), false);
        }
        if (end.stopReason() == StopReason.END_TURN && assistantText && !interrupted) {
            assistantBusy = false;
            if (turnEnded) {
                return new Interpretation(List.of(), true);
            }
            turnEnded = true;
            return new Interpretation(List.of(new ConversationEvent.TurnEnd()), true);
        }
        return Interpretation.NOTHING;
    }

    private Interpretation interruption() {
        if (interrupted) {
            return Interpretation.NOTHING;
        }
        interrupted = true;
        assistantBusy = false;
        return new Interpretation(List.of(new ConversationEvent.Interrupted()), true);
    }

    private @Nullable Block block(@Nullable String contentId) {
        return contentId == null ? null : blocks.get(contentId);
    }
}
