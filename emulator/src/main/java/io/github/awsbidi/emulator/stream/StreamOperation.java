package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.wire.EventStreamMessage;

/**
 * The model side of one open event stream. Every callback runs on the stream's event loop, in
 * order; an operation answers through its {@link StreamContext}.
 */
public interface StreamOperation {

    /** The response headers are out; from now on the operation may send events. */
    void start(StreamContext context);

    /** One request event (already unwrapped from its signed envelope and verified). */
    void onEvent(EventStreamMessage event);

    /** The client half-closed its side: no more request events. */
    void onInputComplete();

    /** The stream ended abnormally (client reset, connection loss, injected fault): release everything, send nothing. */
    void onCancel();
}
