/**
 * Auto-configuration of the OpenAI Realtime façade ({@code aws.bidi.realtime.*}): the {@code /v1/realtime} WebSocket
 * endpoint over the {@code <name>NovaSonic} beans, its authentication, admission limits and metrics.
 */
@NullMarked
package io.github.awsbidi.autoconfigure.realtime;

import org.jspecify.annotations.NullMarked;
