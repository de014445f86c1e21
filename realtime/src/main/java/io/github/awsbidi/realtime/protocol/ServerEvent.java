package io.github.awsbidi.realtime.protocol;

import org.jspecify.annotations.Nullable;

/**
 * The server events the façade sends, with the GA protocol's names ({@code type}) and fields. Records of one shape
 * serve the events that share it (e.g. {@link OutputDelta} for {@code response.output_audio.delta},
 * {@code response.output_audio_transcript.delta} and {@code response.output_text.delta}); the factories pick the
 * name.
 */
public sealed interface ServerEvent {

    /** The event's name, e.g. {@code response.output_audio.delta}. */
    String type();

    /** The event's unique id. */
    String eventId();

    /** {@code session.created} or {@code session.updated}. */
    record SessionEvent(String type, String eventId, Session session) implements ServerEvent {}

    /** {@code conversation.item.added} or {@code conversation.item.done}. */
    record ItemEvent(String type, String eventId, @Nullable String previousItemId, Item item) implements ServerEvent {}

    /** {@code conversation.item.retrieved}. */
    record ItemRetrieved(String type, String eventId, Item item) implements ServerEvent {}

    /** {@code conversation.item.truncated}. */
    record ItemTruncated(String type, String eventId, String itemId, int contentIndex, long audioEndMs)
            implements ServerEvent {}

    /** {@code conversation.item.deleted}. */
    record ItemDeleted(String type, String eventId, String itemId) implements ServerEvent {}

    /** {@code input_audio_buffer.speech_started}. */
    record SpeechStarted(String type, String eventId, long audioStartMs, String itemId) implements ServerEvent {}

    /** {@code input_audio_buffer.speech_stopped}. */
    record SpeechStopped(String type, String eventId, long audioEndMs, String itemId) implements ServerEvent {}

    /** {@code input_audio_buffer.committed}. */
    record Committed(String type, String eventId, @Nullable String previousItemId, String itemId)
            implements ServerEvent {}

    /** {@code input_audio_buffer.cleared} or {@code output_audio_buffer.cleared}. */
    record Cleared(String type, String eventId) implements ServerEvent {}

    /** {@code conversation.item.input_audio_transcription.completed}. */
    record TranscriptionCompleted(
            String type, String eventId, String itemId, int contentIndex, String transcript, TranscriptionUsage usage)
            implements ServerEvent {}

    /** Usage of a transcription: Nova Sonic transcribes as part of the conversation, so the duration is given. */
    record TranscriptionUsage(String type, double seconds) {}

    /** {@code response.created} or {@code response.done}. */
    record ResponseEvent(String type, String eventId, Response response) implements ServerEvent {}

    /** {@code response.output_item.added} or {@code response.output_item.done}. */
    record OutputItem(String type, String eventId, String responseId, int outputIndex, Item item)
            implements ServerEvent {}

    /** {@code response.content_part.added} or {@code response.content_part.done}. */
    record ContentPart(
            String type, String eventId, String responseId, String itemId, int outputIndex, int contentIndex, Part part)
            implements ServerEvent {}

    /** The part of a {@link ContentPart} event: {@code audio} with its transcript, or {@code text}. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Part(
            String type,
            @Nullable String transcript,
            @Nullable String text) {}

    /**
     * {@code response.output_audio.delta} (base64 audio), {@code response.output_audio_transcript.delta} or
     * {@code response.output_text.delta}.
     */
    record OutputDelta(
            String type,
            String eventId,
            String responseId,
            String itemId,
            int outputIndex,
            int contentIndex,
            String delta)
            implements ServerEvent {}

    /** {@code response.output_audio.done}. */
    record OutputAudioDone(
            String type, String eventId, String responseId, String itemId, int outputIndex, int contentIndex)
            implements ServerEvent {}

    /** {@code response.output_audio_transcript.done}. */
    record TranscriptDone(
            String type,
            String eventId,
            String responseId,
            String itemId,
            int outputIndex,
            int contentIndex,
            String transcript)
            implements ServerEvent {}

    /** {@code response.output_text.done}. */
    record TextDone(
            String type,
            String eventId,
            String responseId,
            String itemId,
            int outputIndex,
            int contentIndex,
            String text)
            implements ServerEvent {}

    /** {@code response.function_call_arguments.delta}. */
    record ArgumentsDelta(
            String type, String eventId, String responseId, String itemId, int outputIndex, String callId, String delta)
            implements ServerEvent {}

    /** {@code response.function_call_arguments.done}. */
    record ArgumentsDone(
            String type,
            String eventId,
            String responseId,
            String itemId,
            int outputIndex,
            String callId,
            String name,
            String arguments)
            implements ServerEvent {}

    /** {@code error}: the socket stays open. */
    record Error(String type, String eventId, ErrorDetail error) implements ServerEvent {}

    /** An {@code error} event. */
    static Error error(String type, String code, String message, @Nullable String param, @Nullable String eventId) {
        return new Error("error", EventIds.next("event"), new ErrorDetail(type, code, message, param, eventId));
    }
}
