package io.github.awsbidi.core;

import java.util.Objects;

import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.core.retry.RetryPolicy;

/**
 * How a session runs its exchanges, whatever the service. A value out of range fails construction with an
 * {@link InvalidSettingException} naming the field.
 *
 * @param listener notified of every exchange's life cycle ({@link ExchangeListener#NONE} by default)
 * @param retryPolicy how opening a stream is retried
 * @param maxFrameBytes the largest payload accepted in one frame; larger frames are rejected before sending
 * @param sendBufferFrames how many frames {@link Exchange#send(Frame)} may buffer ahead of the HTTP/2 window
 * @param gate admits new exchanges until the application shuts down; by default one that admits everything
 */
public record SessionOptions(ExchangeListener listener, RetryPolicy retryPolicy, int maxFrameBytes,
        int sendBufferFrames, ExchangeGate gate) {

    /**
     * Default frame size limit: 1 MiB. Audio chunks are a few KiB and Nova Sonic events far smaller; the
     * event-stream format itself allows 16 MiB, which would let one frame hog the connection's window.
     */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;

    /** Default send buffer: 32 frames, about one second of 32 ms audio chunks. */
    public static final int DEFAULT_SEND_BUFFER_FRAMES = 32;

    private static final SessionOptions DEFAULTS = new SessionOptions(ExchangeListener.NONE, RetryPolicy.defaults(),
            DEFAULT_MAX_FRAME_BYTES, DEFAULT_SEND_BUFFER_FRAMES, ExchangeGate.UNGATED);

    public SessionOptions {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(gate, "gate");
        InvalidSettingException.require(maxFrameBytes >= 1, "maxFrameBytes", maxFrameBytes, "must be at least 1");
        InvalidSettingException.require(sendBufferFrames >= 1, "sendBufferFrames", sendBufferFrames,
                "must be at least 1");
    }

    /** No listener, default retries, 1 MiB frames, 32 buffered frames. */
    public static SessionOptions defaults() {
        return DEFAULTS;
    }

    /** These options with another listener. */
    public SessionOptions withListener(ExchangeListener listener) {
        return new SessionOptions(listener, retryPolicy, maxFrameBytes, sendBufferFrames, gate);
    }

    /** These options with another retry policy. */
    public SessionOptions withRetryPolicy(RetryPolicy retryPolicy) {
        return new SessionOptions(listener, retryPolicy, maxFrameBytes, sendBufferFrames, gate);
    }

    /** These options with another frame size limit. */
    public SessionOptions withMaxFrameBytes(int maxFrameBytes) {
        return new SessionOptions(listener, retryPolicy, maxFrameBytes, sendBufferFrames, gate);
    }

    /** These options with a gate that can refuse new exchanges while the application shuts down. */
    public SessionOptions withGate(ExchangeGate gate) {
        return new SessionOptions(listener, retryPolicy, maxFrameBytes, sendBufferFrames, gate);
    }

    /** These options with another send buffer size. */
    public SessionOptions withSendBufferFrames(int sendBufferFrames) {
        return new SessionOptions(listener, retryPolicy, maxFrameBytes, sendBufferFrames, gate);
    }
}
