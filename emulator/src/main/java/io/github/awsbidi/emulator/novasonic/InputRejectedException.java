package io.github.awsbidi.emulator.novasonic;

/** An input event that breaks the protocol; the simulator answers it with a validationException. */
final class InputRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String message;

    InputRejectedException(String message) {
        super(message, null, false, false);
        this.message = message;
    }

    /** The validationException's message; every rejection has one. */
    @Override
    public String getMessage() {
        return message;
    }
}
