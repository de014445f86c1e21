package io.github.awsbidi.novasonic;

import io.github.awsbidi.novasonic.event.GenerationStage;
import io.github.awsbidi.novasonic.event.Role;
import io.github.awsbidi.novasonic.event.TokenUsage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a {@link Conversation} tells its caller, in order, across stream renewals. */
public sealed interface ConversationEvent {

    /**
     * Text of a turn: what the user said (FINAL), what the assistant plans to say (SPECULATIVE) or
     * what it actually said (FINAL). A block the user talks over ends with the service's
     * {@code { "interrupted" : true }} text instead of its FINAL transcript: that arrives as {@link Interrupted},
     * so the last SPECULATIVE text of the turn is what the assistant had planned, not what was heard.
     */
    record Transcript(Role role, String text, GenerationStage stage) implements ConversationEvent {
        public Transcript {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(stage, "stage");
        }
    }

    /**
     * A chunk of the assistant's speech: 16-bit little-endian mono PCM at the output rate. (A record of
     * an array: {@code equals} compares the array's identity, not its bytes.)
     */
    record AudioOut(byte[] pcm) implements ConversationEvent {
        public AudioOut {
            Objects.requireNonNull(pcm, "pcm");
        }
    }

    /**
     * The model calls a tool. A registered handler answers it automatically; calls with no handler
     * are only reported here.
     */
    record ToolCall(String name, String toolUseId, Map<String, @Nullable Object> arguments)
            implements ConversationEvent {
        public ToolCall {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(toolUseId, "toolUseId");
            arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
        }
    }

    /** The user barged in: stop playing and drop queued assistant audio. Sent once per barge-in. */
    record Interrupted() implements ConversationEvent {}

    /**
     * The assistant finished speaking its turn (the AUDIO contentEnd END_TURN; else the FINAL text's END_TURN or
     * completionEnd). The FINAL {@link Transcript} of what it said may follow.
     */
    record TurnEnd() implements ConversationEvent {}

    /** Tokens used since the previous usage report (a delta, so that sums are right). */
    record Usage(TokenUsage delta) implements ConversationEvent {
        public Usage {
            Objects.requireNonNull(delta, "delta");
        }
    }

    /**
     * The conversation moved to a new stream: {@code cause} says why (age, expiring credentials, a new tool
     * set, a long assistant silence, or recovery from an error), {@code reason} says it for humans.
     */
    record Renewed(RenewalCause cause, String reason) implements ConversationEvent {
        public Renewed {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The service heard the user start speaking ({@code userSpeechStart}, sent by the service in live traffic
     * but not documented; absent on streams that do not send it).
     *
     * @param inputAudioOffsetMs where in the stream's input audio, when the service says
     */
    record UserSpeechStarted(@Nullable Long inputAudioOffsetMs) implements ConversationEvent {}

    /**
     * The service heard the user stop speaking ({@code userSpeechEnd}, same caveat as {@link UserSpeechStarted}).
     *
     * @param inputAudioOffsetMs where in the stream's input audio, when the service says
     */
    record UserSpeechEnded(@Nullable Long inputAudioOffsetMs) implements ConversationEvent {}

    /** The conversation ended; {@code error} is set when it ended because of one. The last event. */
    record Closed(String reason, @Nullable Throwable error) implements ConversationEvent {
        public Closed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
