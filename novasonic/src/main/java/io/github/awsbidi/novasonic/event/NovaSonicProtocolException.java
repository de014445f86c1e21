package io.github.awsbidi.novasonic.event;

/** A Nova Sonic event that cannot be read: malformed JSON, or a known event missing a field it cannot do without. */
public final class NovaSonicProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NovaSonicProtocolException(String message) {
        super(message);
    }

    public NovaSonicProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
