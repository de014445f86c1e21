/**
 * Conversation meters for Micrometer: the only package of the module that uses Micrometer types, an optional
 * dependency.
 */
@NullMarked
package io.github.awsbidi.novasonic.micrometer;

import org.jspecify.annotations.NullMarked;
