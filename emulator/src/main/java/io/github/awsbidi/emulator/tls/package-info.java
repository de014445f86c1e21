/** The emulator's generated self-signed TLS certificate and the trust material clients need. */
@NullMarked
package io.github.awsbidi.emulator.tls;

import org.jspecify.annotations.NullMarked;
