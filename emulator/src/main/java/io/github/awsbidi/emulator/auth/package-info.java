/**
 * AWS Signature Version 4 verification, as the AWS SDK for Java v2 signs: the HTTP request
 * (Authorization header) and every signed event-stream envelope chained from it.
 */
@NullMarked
package io.github.awsbidi.emulator.auth;

import org.jspecify.annotations.NullMarked;
