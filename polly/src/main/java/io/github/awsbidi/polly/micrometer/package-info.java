/** Polly's meters, when Micrometer is on the classpath. */
@NullMarked
package io.github.awsbidi.polly.micrometer;

import org.jspecify.annotations.NullMarked;
