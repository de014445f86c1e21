package io.github.awsbidi.core;

import io.github.awsbidi.core.listener.ExchangeListener;
import io.github.awsbidi.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How a session runs its exchanges, whatever the service. A value out of range fails construction with an
 * {@link InvalidSettingException} naming the field.
 *
 * @param listener notified of every exchange's life cycle ({@link ExchangeListener#NONE} by default)
 * @param retryPolicy how opening a stream is retried
 * @param maxFrameBytes the largest payload accepted in one frame; larger frames are rejected before sending
 * @param sendBufferFrames how many frames {@link Exchange#send(Frame)} may buffer ahead of the HTTP/2 window
 * @param openTimeout how long the service may take to answer a new stream with its response headers, which it sends
 *        once it has accepted the stream and before any model output; past it the attempt fails with a retryable
 *        {@link ErrorKind#CONNECTION} error (and is retried like a refused open). The HTTP read timeout is off by
 *        default, since a live stream may be quiet for minutes, so without this bound a stream the service never
 *        answers would wait forever.
 * @param gate admits new exchanges until the application shuts down; by default one that admits everything
 */
public record SessionOptions(
        ExchangeListener listener,
        RetryPolicy retryPolicy,
        int maxFrameBytes,
        int sendBufferFrames,
        Duration openTimeout,
        ExchangeGate gate) {

    /**
     * Default frame size limit: 1 MiB. Audio chunks are a few KiB and Nova Sonic events far smaller; the
     * event-stream format itself allows 16 MiB, which would let one frame hog the connection's window.
     */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;

    /** Default send buffer: 32 frames, about one second of 32 ms audio chunks. */
    public static final int DEFAULT_SEND_BUFFER_FRAMES = 32;

    /** Default open timeout: 30 s, generous for an answer the service gives as soon as it accepts the stream. */
    public static final Duration DEFAULT_OPEN_TIMEOUT = Duration.ofSeconds(30);

    private static final SessionOptions DEFAULTS = new SessionOptions(
            ExchangeListener.NONE,
            RetryPolicy.defaults(),
            DEFAULT_MAX_FRAME_BYTES,
            DEFAULT_SEND_BUFFER_FRAMES,
            DEFAULT_OPEN_TIMEOUT,
            ExchangeGate.UNGATED);

    public SessionOptions {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(openTimeout, "openTimeout");
        Objects.requireNonNull(gate, "gate");
        InvalidSettingException.require(maxFrameBytes >= 1, "maxFrameBytes", maxFrameBytes, "must be at least 1");
        InvalidSettingException.require(
                sendBufferFrames >= 1, "sendBufferFrames", sendBufferFrames, "must be at least 1");
        InvalidSettingException.require(
                !openTimeout.isNegative() && !openTimeout.isZero(), "openTimeout", openTimeout, "must be positive");
    }

    /** No listener, default retries, 1 MiB frames, 32 buffered frames, a 30 s open timeout, no gate. */
    public static SessionOptions defaults() {
        return DEFAULTS;
    }

    /** These options with another listener. */
    public SessionOptions withListener(ExchangeListener listener) {
        return new SessionOptions(listener, retryPolicy, maxFrameBytes, sendBufferFrames, openTimeout, gate);
    }

    /** These options with another retry policy. */
    public SessionOptions withRetryPolicy(RetryPolicy retryPolicy) {
        return new SessionOptions(listener, retryPolicy, maxFrameBytes, sendBufferFrames, openTimeout, gate);
    }

    /** These options with another frame size limit. */
    public SessionOptions withMaxFrameBytes(int maxFrameBytes) {
        return new SessionOptions(listener, retryPolicy, maxFrameBytes, sendBufferFrames, openTimeout, gate);
    }

    /** These options with another send buffer size. */
    public SessionOptions withSendBufferFrames(int sendBufferFrames) {
        return new SessionOptions(listener, retryPolicy, maxFrameBytes, sendBufferFrames, openTimeout, gate);
    }

    /** These options with another open timeout. */
    public SessionOptions withOpenTimeout(Duration openTimeout) {
        return new SessionOptions(listener, retryPolicy, maxFrameBytes, sendBufferFrames, openTimeout, gate);
    }

    /** These options with a gate that can refuse new exchanges while the application shuts down. */
    public SessionOptions withGate(ExchangeGate gate) {
        return new SessionOptions(listener, retryPolicy, maxFrameBytes, sendBufferFrames, openTimeout, gate);
    }
}
