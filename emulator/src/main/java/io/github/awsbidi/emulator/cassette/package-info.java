/**
 * Cassette replay: a recorded exchange (the JSON-lines format aws-bidi's recorder writes, read here on its own,
 * without the library's code) served as a SageMaker endpoint, a Bedrock model or a Polly voice. The client's
 * requests are matched in order, the recorded responses and outcome come back with the recorded timing.
 */
@NullMarked
package io.github.awsbidi.emulator.cassette;

import org.jspecify.annotations.NullMarked;
