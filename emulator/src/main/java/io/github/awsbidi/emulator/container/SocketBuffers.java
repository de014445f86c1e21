package io.github.awsbidi.emulator.container;

/**
 * The kernel socket buffer size of every container connection, on both ends. Left to the kernel, Linux
 * grows a loopback socket's buffers to several MiB (up to {@code net.ipv4.tcp_rmem}'s maximum), so a
 * container connection could hold thousands of frames that a slow client has not taken yet: setting the
 * sizes turns that auto-tuning off, and the container leg then holds only as much as the HTTP/2 windows
 * on either side of it.
 */
final class SocketBuffers {

    /** Per socket and direction; the kernel doubles it for its own bookkeeping. */
    static final int BYTES = 64 * 1024;

    private SocketBuffers() {}
}
