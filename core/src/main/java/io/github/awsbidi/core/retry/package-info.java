/**
 * Retry of stream <em>opening</em>: which failures are retried, with what back-off, and how many times.
 */
@NullMarked
package io.github.awsbidi.core.retry;

import org.jspecify.annotations.NullMarked;
