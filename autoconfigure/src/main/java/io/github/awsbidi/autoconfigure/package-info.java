/**
 * Spring Boot auto-configuration of AWS bidirectional-streaming sessions: {@code aws.bidi.*} properties, one
 * {@link io.github.awsbidi.core.BidirectionalSession} bean per configured session, connection details and client
 * customizers.
 */
@NullMarked
package io.github.awsbidi.autoconfigure;

import org.jspecify.annotations.NullMarked;
