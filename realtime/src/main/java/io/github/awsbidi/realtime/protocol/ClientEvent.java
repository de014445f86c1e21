package io.github.awsbidi.realtime.protocol;

import org.jspecify.annotations.Nullable;

/** The eleven client events of the GA protocol, as read by {@link ClientEvents#read(String)}. */
public sealed interface ClientEvent {

    /** The client's {@code event_id}, echoed in errors; null when it sent none. */
    @Nullable
    String eventId();

    /** {@code session.update}. */
    record SessionUpdate(@Nullable String eventId, SessionPatch session) implements ClientEvent {}

    /** {@code input_audio_buffer.append}: the decoded bytes of {@code audio}, in the session's input format. */
    record InputAudioBufferAppend(@Nullable String eventId, byte[] audio) implements ClientEvent {}

    /** {@code input_audio_buffer.commit}. */
    record InputAudioBufferCommit(@Nullable String eventId) implements ClientEvent {}

    /** {@code input_audio_buffer.clear}. */
    record InputAudioBufferClear(@Nullable String eventId) implements ClientEvent {}

    /** {@code output_audio_buffer.clear}. */
    record OutputAudioBufferClear(@Nullable String eventId) implements ClientEvent {}

    /**
     * {@code conversation.item.create} of a user or system text message or a {@code function_call_output}.
     *
     * @param itemId the id the client chose, or null
     * @param text the message's text (messages only)
     * @param role {@code user} or {@code system} (messages only)
     * @param callId the answered call (function_call_output only)
     * @param output the function's result (function_call_output only)
     */
    record ConversationItemCreate(
            @Nullable String eventId,
            @Nullable String previousItemId,
            @Nullable String itemId,
            String itemType,
            @Nullable String role,
            @Nullable String text,
            @Nullable String callId,
            @Nullable String output)
            implements ClientEvent {}

    /** {@code conversation.item.retrieve}. */
    record ConversationItemRetrieve(@Nullable String eventId, String itemId) implements ClientEvent {}

    /** {@code conversation.item.truncate}. */
    record ConversationItemTruncate(@Nullable String eventId, String itemId, int contentIndex, long audioEndMs)
            implements ClientEvent {}

    /** {@code conversation.item.delete}. */
    record ConversationItemDelete(@Nullable String eventId, String itemId) implements ClientEvent {}

    /** {@code response.create}; {@code instructions} is the response's own instructions, when given. */
    record ResponseCreate(
            @Nullable String eventId, @Nullable String instructions) implements ClientEvent {}

    /** {@code response.cancel}; {@code responseId} names the response to cancel, when given. */
    record ResponseCancel(
            @Nullable String eventId, @Nullable String responseId) implements ClientEvent {}
}
