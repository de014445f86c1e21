package io.github.awsbidi.load;

/** A command-line option is missing, malformed or out of its limits; the message names the option and the limit. */
public final class InvalidOptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String option;

    InvalidOptionException(String option, String message) {
        super(option + ": " + message);
        this.option = option;
    }

    InvalidOptionException(String option, String message, Throwable cause) {
        super(option + ": " + message, cause);
        this.option = option;
    }

    /** The option at fault, e.g. {@code --sessions}. */
    public String option() {
        return option;
    }
}
