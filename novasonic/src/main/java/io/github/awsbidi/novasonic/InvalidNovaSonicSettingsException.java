package io.github.awsbidi.novasonic;

/** A Nova Sonic setting outside what the service accepts; the message names the field and the limit. */
public final class InvalidNovaSonicSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    InvalidNovaSonicSettingsException(String field, String message) {
        super("Nova Sonic setting '" + field + "' " + message);
        this.field = field;
    }

    /** The setting at fault, e.g. {@code "topP"} or {@code "tools[1].name"}. */
    public String field() {
        return field;
    }
}
