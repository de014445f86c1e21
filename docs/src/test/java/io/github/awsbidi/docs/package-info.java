/** Checks that hold the documentation's pages (README.md, docs/*.md) to the code: its Java examples, YAML examples and property tables. */
@NullMarked
package io.github.awsbidi.docs;

import org.jspecify.annotations.NullMarked;
