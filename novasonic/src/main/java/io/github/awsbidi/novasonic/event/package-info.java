/**
 * Typed Nova Sonic input and output events and their JSON codec ({@link
 * io.github.awsbidi.novasonic.event.NovaSonicCodec}), matching the service's
 * {@code {"event":{"<name>":{…}}}} envelope.
 */
@NullMarked
package io.github.awsbidi.novasonic.event;

import org.jspecify.annotations.NullMarked;
