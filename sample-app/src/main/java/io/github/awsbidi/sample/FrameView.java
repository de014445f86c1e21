package io.github.awsbidi.sample;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.awsbidi.core.DataType;
import io.github.awsbidi.core.Frame;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A response frame as JSON: UTF-8 frames as {@code text}, binary ones as {@code base64}.
 *
 * @param type the frame's data type
 * @param text the payload of a UTF-8 frame
 * @param base64 the payload of a binary frame, base64-encoded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrameView(
        DataType type, @Nullable String text, @Nullable String base64) {

    static FrameView of(Frame frame) {
        return frame.type() == DataType.UTF8
                ? new FrameView(DataType.UTF8, frame.asString(), null)
                : new FrameView(DataType.BINARY, null, Base64.getEncoder().encodeToString(frame.toByteArray()));
    }
}
