package io.github.awsbidi.realtime;

/**
 * What a {@link RealtimeSession} reports for metrics. Called on the session's threads under its lock: be quick and do
 * not call back into the session. Every method does nothing by default.
 */
public interface RealtimeListener {

    /** A listener that ignores everything. */
    RealtimeListener NONE = new RealtimeListener() {};

    /** The session opened. */
    default void opened() {}

    /** The session closed (once). */
    default void closed() {}

    /** A client event of {@code type} arrived ({@code invalid} when it could not be read). */
    default void eventIn(String type) {}

    /** A server event of {@code type} was sent. */
    default void eventOut(String type) {}

    /** An {@code error} event with {@code code} was sent. */
    default void error(String code) {}
}
