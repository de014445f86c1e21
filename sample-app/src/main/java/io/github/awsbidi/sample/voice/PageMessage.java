package io.github.awsbidi.sample.voice;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * What the transcriber and speaker panels are told, one small JSON text message each, named by its {@code type}
 * (audio goes as binary messages instead). The page's script switches on {@code type}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(PageMessage.State.class),
    @JsonSubTypes.Type(PageMessage.Speech.class),
    @JsonSubTypes.Type(PageMessage.Result.class),
    @JsonSubTypes.Type(PageMessage.Spoken.class),
    @JsonSubTypes.Type(PageMessage.Error.class)
})
sealed interface PageMessage {

    /** The connection's state: {@code connected} once the stream is open, {@code closed} as the last message. */
    @JsonTypeName("state")
    record State(String state, String detail) implements PageMessage {}

    /** How the speech comes: binary messages of 16-bit little-endian mono PCM at {@code sampleRate}. */
    @JsonTypeName("speech")
    record Speech(int sampleRate) implements PageMessage {}

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
