/** The documentation's Java examples, one compiled source each (see {@code JavaExamplesTests}), by page. */
@NullMarked
package io.github.awsbidi.docs.examples;

import org.jspecify.annotations.NullMarked;
