package io.github.awsbidi.emulator.novasonic;

/**
 * Where a {@link NovaSonicSimulator} sends its output: one call per response event, then exactly one
 * of {@link #fail} or {@link #complete}. Called on the simulator's scheduler thread.
 */
public interface NovaSonicSink {

    /**
     * Emits one output event.
     * @param eventJson the full JSON text of the event, {@code {"event":{"<name>":{…}}}}
     */
    void emit(String eventJson);

    /**
     * Ends the response stream with an in-stream modeled exception.
     * @param exceptionType the event-stream union member, e.g. {@code validationException}
     * @param message the exception's message
     */
    void fail(String exceptionType, String message);

    /** Ends the response stream cleanly. */
    void complete();
}
