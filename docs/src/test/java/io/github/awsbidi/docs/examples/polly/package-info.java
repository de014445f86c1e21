/** Examples of the Polly page: speech from streamed text. */
@NullMarked
package io.github.awsbidi.docs.examples.polly;

import org.jspecify.annotations.NullMarked;
