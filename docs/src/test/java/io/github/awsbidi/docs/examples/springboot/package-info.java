/** Examples of the Spring Boot page: configured sessions injected, client customizers. */
@NullMarked
package io.github.awsbidi.docs.examples.springboot;

import org.jspecify.annotations.NullMarked;
