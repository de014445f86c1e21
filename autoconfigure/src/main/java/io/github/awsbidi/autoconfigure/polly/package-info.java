/**
 * Polly session beans from {@code aws.bidi.polly.sessions.<name>}: their settings validated at startup, the shared
 * client, the customizers, the billed-characters meter and the voice health checks. Left out of the build on an
 * AWS SDK without {@code StartSpeechSynthesisStream}.
 */
@NullMarked
package io.github.awsbidi.autoconfigure.polly;

import org.jspecify.annotations.NullMarked;
