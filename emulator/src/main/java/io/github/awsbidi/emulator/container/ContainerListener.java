package io.github.awsbidi.emulator.container;

/**
 * Receives what the model container sends on one connection. Every method is called on the
 * connection's Netty event loop, so implementations must not block. After {@link #onClose} or
 * {@link #onFailure} nothing more is delivered; neither is called once the connection was closed or
 * aborted locally.
 */
public interface ContainerListener {

    /** The container sent one data frame; becomes one response {@code PayloadPart}. */
    void onFrame(ContainerFrame frame);

    /**
     * The container sent a Close frame (SageMaker turns it into {@code ModelStreamError}).
     *
     * @param statusCode the close code, or 1005 when the frame carried none
     * @param reason the close reason, empty when none
     */
    void onClose(int statusCode, String reason);

    /** The connection was lost or broke (including too many unanswered pings). */
    void onFailure(Throwable cause);
}
