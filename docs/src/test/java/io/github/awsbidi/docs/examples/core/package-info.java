/** Examples of the core page: a session without Spring. */
@NullMarked
package io.github.awsbidi.docs.examples.core;

import org.jspecify.annotations.NullMarked;
