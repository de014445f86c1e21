package io.github.awsbidi.novasonic.event;

import java.util.Objects;

/** {@code toolResultInputConfiguration} of a TOOL block: which call the result answers. */
public record ToolResultInputConfiguration(
        String toolUseId, ContentType type, TextInputConfiguration textInputConfiguration)
        implements ContentConfiguration {

    public ToolResultInputConfiguration {
        Objects.requireNonNull(toolUseId, "toolUseId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(textInputConfiguration, "textInputConfiguration");
    }

    /** A plain-text (JSON) result for the given call. */
    public static ToolResultInputConfiguration text(String toolUseId) {
        return new ToolResultInputConfiguration(toolUseId, ContentType.TEXT, TextInputConfiguration.TEXT_PLAIN);
    }

    @Override
    public ContentType contentType() {
        return ContentType.TOOL;
    }
}
