/**
 * Auto-configuration of session metrics and observations: Micrometer listeners contributed to every session.
 */
@NullMarked
package io.github.awsbidi.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
