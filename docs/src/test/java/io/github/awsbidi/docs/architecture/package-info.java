/**
 * The architecture of docs/architecture.md as rules the build checks: which module may depend on which, where Spring
 * may appear, what core and the auto-configuration hold. Each rule imports the main classes of every module
 * ({@link com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests}), so tests may cross the boundaries that
 * production code may not (core's tests run against the emulator).
 */
@NullMarked
package io.github.awsbidi.docs.architecture;

import org.jspecify.annotations.NullMarked;
