/**
 * {@code aws-bidi-load}: many concurrent live-audio sessions through the library at real-time pace, against the
 * emulator or AWS, and a report of what one client JVM holds (frame latency, time to first response, CPU, heap).
 */
@NullMarked
package io.github.awsbidi.load;

import org.jspecify.annotations.NullMarked;
