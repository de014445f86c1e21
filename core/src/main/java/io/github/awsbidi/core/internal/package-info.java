/**
 * The streaming engine shared by both sessions. Public only so the service packages can use it: not an API,
 * it may change in any release.
 */
@NullMarked
package io.github.awsbidi.core.internal;

import org.jspecify.annotations.NullMarked;
