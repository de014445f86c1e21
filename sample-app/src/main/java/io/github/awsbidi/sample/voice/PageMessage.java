package io.github.awsbidi.sample.voice;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the voice, transcriber and speaker panels are told, one small JSON text message each, named by its {@code type}
 * (audio goes as binary messages instead). The page's script switches on {@code type}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(PageMessage.State.class),
    @JsonSubTypes.Type(PageMessage.Speech.class),
    @JsonSubTypes.Type(PageMessage.Transcript.class),
    @JsonSubTypes.Type(PageMessage.ToolCall.class),
    @JsonSubTypes.Type(PageMessage.Latency.class),
    @JsonSubTypes.Type(PageMessage.BargeIn.class),
    @JsonSubTypes.Type(PageMessage.TurnEnd.class),
    @JsonSubTypes.Type(PageMessage.Result.class),
    @JsonSubTypes.Type(PageMessage.Spoken.class),
    @JsonSubTypes.Type(PageMessage.Error.class)
})
sealed interface PageMessage {

    /** The connection's state: {@code connected} once the stream is open, {@code closed} as the last message. */
    @JsonTypeName("state")
    record State(String state, String detail) implements PageMessage {}

    /** How the assistant's speech comes: binary messages of 16-bit little-endian mono PCM at {@code sampleRate}. */
    @JsonTypeName("speech")
    record Speech(int sampleRate) implements PageMessage {}

    /** A transcript of either side: {@code role} USER or ASSISTANT, {@code stage} SPECULATIVE or FINAL. */
    @JsonTypeName("transcript")
    record Transcript(String role, String stage, String text) implements PageMessage {}

    /** The assistant called a tool (answered on the server by its handler). */
    @JsonTypeName("tool")
    record ToolCall(String name, Map<String, @Nullable Object> arguments) implements PageMessage {}

    /** Milliseconds from the end of the user's turn to the first audio of the answer, as the server saw them. */
    @JsonTypeName("latency")
    record Latency(long millis) implements PageMessage {}

    /** The user spoke over the assistant: drop every queued chunk of its speech now. */
    @JsonTypeName("bargeIn")
    record BargeIn() implements PageMessage {}

    /** The assistant finished speaking its turn. */
    @JsonTypeName("turnEnd")
    record TurnEnd() implements PageMessage {}

    /** A transcriber result: {@code interim} while a recording goes on, final ({@code interim=false}) on stop. */
    @JsonTypeName("result")
    record Result(boolean interim, String text) implements PageMessage {}

    /** The speaker's stream has ended: Polly billed {@code requestCharacters} characters for it. */
    @JsonTypeName("spoken")
    record Spoken(long requestCharacters) implements PageMessage {}

    /** Something failed: {@code kind} is the library's error kind (or CLIENT for the page's own mistakes). */
    @JsonTypeName("error")
    record Error(String kind, String message) implements PageMessage {}
}
