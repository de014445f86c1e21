/**
 * The emulator's configuration: endpoints, models, credentials and faults, built in Java or read
 * from a JSON file.
 */
@NullMarked
package io.github.awsbidi.emulator.config;

import org.jspecify.annotations.NullMarked;
