/** Examples of the Nova Sonic page: a voice agent with a tool. */
@NullMarked
package io.github.awsbidi.docs.examples.novasonic;

import org.jspecify.annotations.NullMarked;
