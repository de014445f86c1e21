/**
 * A harness that measures {@link io.github.awsbidi.core.BidirectionalSession} against the raw AWS SDK clients over
 * the same emulator in the same run, and prints one table with the ratio of the two.
 */
@NullMarked
package io.github.awsbidi.benchmarks;

import org.jspecify.annotations.NullMarked;
