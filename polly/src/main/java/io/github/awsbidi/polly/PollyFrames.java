package io.github.awsbidi.polly;

import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.Frame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Polly's events travel as {@link Frame}s.
 * <p>
 * Requests: a UTF-8 frame is one {@code TextEvent}. A partial frame ({@code last == false}, {@link #text(String)})
 * lets Polly choose when to speak, at natural boundaries; a complete frame ({@code last == true}, as
 * {@link Frame#text(String)} builds) also sets {@code FlushStreamConfiguration.Force}, so what is buffered is spoken
 * now. A frame whose text is a {@code <speak>…</speak>} document goes as SSML. An empty binary frame
 * ({@link #close()}) is the {@code CloseStreamEvent}; completing the requests without one sends it too.
 * <p>
 * Responses: every {@code AudioEvent} is a binary frame of audio in the session's output format; the final
 * {@code StreamClosedEvent} is a UTF-8 frame {@code {"RequestCharacters":n}} ({@link #requestCharacters(Frame)}).
 */
public final class PollyFrames {

    private static final Pattern CLOSED = Pattern.compile("^\\{\"RequestCharacters\":(\\d+)}$");

    private PollyFrames() {}

    /** Text that Polly speaks when it reaches a natural boundary (a sentence end) or a flush. */
    public static Frame text(String text) {
        return new Frame(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), DataType.UTF8, false, null);
    }

    /** Text spoken now, together with everything buffered before it ({@code Force}). */
    public static Frame textAndFlush(String text) {
        return Frame.text(text);
    }

    /** Speaks what is buffered now, adding no text. */
    public static Frame flush() {
        return Frame.text("");
    }

    /** One whole SSML document ({@code <speak>…</speak>}); Polly needs it in one event. */
    public static Frame ssml(String document) {
        if (!isSsml(document)) {
            throw new IllegalArgumentException("an SSML document must start with <speak> and end with </speak>");
        }
        return Frame.text(document);
    }

    /** The {@code CloseStreamEvent}: Polly speaks what is left, reports the characters and ends the stream. */
    public static Frame close() {
        return Frame.binary(new byte[0]);
    }

    /** Whether {@code frame} carries audio. */
    public static boolean isAudio(Frame frame) {
        return frame.type() == DataType.BINARY;
    }

    /** The billed characters of a {@code StreamClosedEvent} frame; empty for any other frame. */
    public static OptionalLong requestCharacters(Frame frame) {
        if (frame.type() != DataType.UTF8) {
            return OptionalLong.empty();
        }
        Matcher matcher = CLOSED.matcher(frame.asString());
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    static Frame streamClosed(long requestCharacters) {
        return Frame.text("{\"RequestCharacters\":" + requestCharacters + "}");
    }

    static boolean isClose(Frame frame) {
        return frame.type() == DataType.BINARY && frame.size() == 0;
    }

    static boolean isSsml(String text) {
        String stripped = text.strip();
        return stripped.startsWith("<speak") && stripped.endsWith("</speak>");
    }
}
