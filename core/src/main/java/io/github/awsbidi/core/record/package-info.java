/**
 * Cassettes: one real exchange recorded as JSON lines, to be replayed offline by the emulator.
 * <p>
 * {@link io.github.awsbidi.core.record.CassetteRecorder} is an {@link io.github.awsbidi.core.listener.ExchangeListener}:
 * give it to a session's {@link io.github.awsbidi.core.SessionOptions} (or set {@code aws.bidi.record.dir} with the
 * Spring Boot starter) and every exchange of that session is written to one file. {@link
 * io.github.awsbidi.core.record.Cassette} reads and writes the format, which is documented on that class. No
 * credentials, signatures, request ids or headers other than the target's are recorded.
 */
@NullMarked
package io.github.awsbidi.core.record;

import org.jspecify.annotations.NullMarked;
