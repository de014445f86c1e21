/**
 * The Netty server: h2c with prior knowledge or TLS with ALPN, HTTP/1.1 beside HTTP/2 for the
 * control plane, and the routing of each HTTP/2 stream to a bidirectional or control-plane handler.
 */
@NullMarked
package io.github.awsbidi.emulator.server;

import org.jspecify.annotations.NullMarked;
