/** Examples of the Nova Sonic page: a typed turn instead of audio. */
@NullMarked
package io.github.awsbidi.docs.examples.novasonic.text;

import org.jspecify.annotations.NullMarked;
