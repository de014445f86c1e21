/**
 * The listener SPI that metrics and tracing plug into; free when nobody listens.
 */
@NullMarked
package io.github.awsbidi.core.listener;

import org.jspecify.annotations.NullMarked;
