/**
 * Shared AWS SDK async clients tuned for long-lived HTTP/2 streams.
 */
@NullMarked
package io.github.awsbidi.core.client;

import org.jspecify.annotations.NullMarked;
