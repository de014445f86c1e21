/** Auto-configuration of the {@code awsBidi} health contributor. */
@NullMarked
package io.github.awsbidi.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
