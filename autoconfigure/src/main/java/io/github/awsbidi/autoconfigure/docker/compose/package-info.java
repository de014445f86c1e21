/**
 * Docker Compose support: a Compose service running the {@code aws-bidi-emulator} image gives every session its
 * {@link io.github.awsbidi.autoconfigure.AwsBidiConnectionDetails} through Spring Boot's docker-compose module.
 */
@NullMarked
package io.github.awsbidi.autoconfigure.docker.compose;

import org.jspecify.annotations.NullMarked;
